/** ISO-8601 in UTC with a Z, as Date.prototype.toISOString writes it (fractional seconds optional). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

export function isUtcTime(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_UTC.test(text)) return false;
  // The calendar too: Date rolls 2030-02-30 over to March, so compare the parts it writes back.
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
}
