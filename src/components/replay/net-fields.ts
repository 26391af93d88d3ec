/**
 * The replay page's network inputs, in order: the address key and input of each, the scenario
 * field it sets (whose range and default the input takes: `ReplayPage.astro`), its scale (loss is
 * shown in percent), and whether it may be left empty. An empty round trip or DNS lookup time is
 * the HAR's own; a bad address value for one is then ignored, and the message (`measured`) says
 * what is used instead.
 */
export const NET_FIELDS = [
  {
    key: 'rtt',
    field: 'network.rttMs',
    net: 'rttMs',
    scale: 1,
    optional: true,
    hint: 'rttHint',
    measured: 'badParamMeasured',
  },
  {
    key: 'bandwidth',
    field: 'network.bandwidthMbps',
    net: 'bandwidthMbps',
    scale: 1,
    optional: false,
    measured: 'badParam',
  },
  {
    key: 'loss',
    field: 'network.lossRate',
    net: 'lossRate',
    scale: 100,
    optional: false,
    measured: 'badParam',
  },
  {
    key: 'dns',
    field: 'network.dnsMs',
    net: 'dnsMs',
    scale: 1,
    optional: true,
    hint: 'dnsHint',
    measured: 'badParamMeasuredDns',
  },
] as const;
