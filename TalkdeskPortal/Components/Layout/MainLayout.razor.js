// The browser's IANA time zone, so the portal can show times the way the viewer's clock reads.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
