/**
 * Dates as people in the program write them: `2026年11月26日 13:05` in Japanese, ISO `2026-11-26 13:05` in
 * English, in Japan Standard Time. The Japanese era (令和8年) where government forms use it.
 */
const TZ = 'Asia/Tokyo';

export function formatDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  if (lang === 'ja')
    return `${Number(parts.year)}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} JST`;
}

export function formatDate(iso: string, lang: string): string {
  return formatDateTime(iso, lang).split(' ')[0]!;
}

export function japaneseEra(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: TZ,
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(iso));
}
