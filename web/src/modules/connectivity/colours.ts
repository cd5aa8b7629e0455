/** Colours of signal status, shared by the map and its legend. */
export const STATUS_COLOUR: Record<string, string> = { none: '#b42318', '2g': '#dc6803', '3g': '#b5a000', '4g': '#98a2b3' };
