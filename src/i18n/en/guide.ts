/** English strings of the instructors' guide (`/guide/`): its generated tables and examples. */
export const guide = {
  /** Link to the guide in the site navigation. */
  nav: 'For instructors',
  /** Link from the widget gallery. */
  galleryLink: 'To put one of these diagrams in a course page, see the instructors’ guide.',
  params: {
    /** Caption of a widget's parameter table; `{widget}` is its title. */
    caption: 'URL parameters of “{widget}”',
    /** Caption of the table of parameters every embed takes. */
    commonCaption: 'URL parameters of every embed',
    embedPage: 'Embed page: ',
    key: 'Parameter',
    type: 'Type',
    values: 'Values',
    default: 'Default',
    unit: 'Unit',
    label: 'Label',
    description: 'What it sets',
    number: 'number',
    choice: 'choice',
    boolean: 'on/off',
    /** Range of a number parameter. */
    range: '{min} to {max}, in steps of {step}',
    /** Values of an on/off parameter. */
    booleanValues: '1 (on) or 0 (off)',
    /** An option value (as in the URL) and its label. */
    option: '{value}: {label}',
    none: '—',
    /** Description of `embedId`, which has no schema label. */
    embedId:
      'Any text up to {max} characters, sent back in the resize messages so a page with several frames can tell them apart.',
    embedIdLabel: 'Frame name',
    /** What `layout`, `present` and `events` do (they have no description in the widget). */
    layout:
      'How much of the widget the frame shows: everything, the parameters in one row, or only the diagrams and the player.',
    present:
      'Opens the widget in present mode: alone, filling the frame (or the screen), in large type.',
    events:
      'Sends the host page a message when the reader plays, changes a parameter or answers a question (see “Events for the host page”).',
    text: 'text',
  },
  example: {
    /** Caption of a live example; `{widget}` is its title, `{settings}` its parameters. */
    caption: '{widget}, embedded with {settings}.',
    snippet: 'The HTML of this example:',
    /** Lead-in of a snippet shown without its frame. */
    snippetOnly: 'For example, this HTML embeds “{widget}” with {settings}:',
    /** Joins `key=value` pairs in a caption. */
    separator: ', ',
  },
};
