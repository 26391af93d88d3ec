/**
 * The server model: accepts connections (optionally under TLS), runs HTTP/1.x on each, and owns
 * the processing-time policy (per object, serial per connection, unlimited workers for now).
 * Later worker models (thread-per-connection, event-driven, backlog) plug in here.
 */
import type { Engine, Micros } from './engine';
import { msToUs } from './engine';
import type { HttpConfig, PipelineProcessing, ServerPolicy } from './http1';
import { Http1ServerConn } from './http1';
import type { TcpEndpoint } from './tcp';
import { TlsSession } from './tls';
import type { ByteStream } from './tls';
import type { TlsVersion, TraceRecorder } from './trace';

/** A resource the server can serve. */
export interface Resource {
  readonly bodyBytes: number;
  readonly processingMs: number;
}

/** Server configuration in interface units. */
export interface ServerConfig {
  readonly processingMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxRequestsPerConnection: number;
  /** Body size for paths not in the resource table. */
  readonly defaultBodyBytes: number;
  readonly pipelineProcessing: PipelineProcessing;
}

/** An origin server reachable under several hostnames (shards share one machine). */
export class Server implements ServerPolicy {
  /** Connections accepted so far. */
  readonly conns: Http1ServerConn[] = [];
  /** Keep-alive timeout in engine units. */
  readonly keepAliveTimeoutUs: Micros;
  /** Requests per connection before closing (0 = unlimited). */
  readonly maxRequestsPerConnection: number;
  /** Serial or parallel processing of pipelined requests. */
  readonly pipelineProcessing: PipelineProcessing;
  private readonly resources = new Map<string, Resource>();

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly http: HttpConfig,
    private readonly tls: TlsVersion,
    private readonly cfg: ServerConfig,
  ) {
    this.keepAliveTimeoutUs = msToUs(cfg.keepAliveTimeoutMs);
    this.maxRequestsPerConnection = cfg.maxRequestsPerConnection;
    this.pipelineProcessing = cfg.pipelineProcessing;
  }

  /** Registers what a resource key returns and how long it takes. */
  addResource(key: string, r: Resource): void {
    this.resources.set(key, r);
  }

  /** Accepts a new connection on its (LISTEN) server endpoint. */
  accept(tcp: TcpEndpoint): Http1ServerConn {
    const stream: ByteStream =
      this.tls === 'none' ? tcp : new TlsSession(this.engine, this.trace, tcp, this.tls);
    const c = new Http1ServerConn(this.engine, this.trace, this.http, tcp.conn, stream, this);
    this.conns.push(c);
    return c;
  }

  /** Runs `done` after the processing time of a resource. */
  process(resource: string, done: () => void): void {
    const r = this.resources.get(resource);
    const ms = r === undefined ? this.cfg.processingMs : r.processingMs;
    if (ms <= 0) done();
    else this.engine.schedule(msToUs(ms), done);
  }

  /** Response body bytes of a resource. */
  bodyBytes(resource: string): number {
    return this.resources.get(resource)?.bodyBytes ?? this.cfg.defaultBodyBytes;
  }
}
