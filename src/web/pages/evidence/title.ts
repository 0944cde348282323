/** An evidence's title in the UI language, the other language when that one is empty. */
export const localTitle = (title: { ja: string; en: string }, lang: string) =>
  lang === 'ja' ? title.ja || title.en : title.en || title.ja;
