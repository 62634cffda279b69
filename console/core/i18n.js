// French and English. Each system brings its own messages (systems/<name>/messages.js); t() looks a key up in the
// chosen language, then English, then shows the key itself so a missing text is visible rather than blank.

const catalogs = { en: {}, fr: {} };
const STORAGE_KEY = 'console.lang';
export const languages = ['en', 'fr'];
let current = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (languages.includes(saved)) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function addMessages(messages) {
  for (const lang of languages) Object.assign(catalogs[lang], messages[lang] ?? {});
}

export function lang() {
  return current;
}

export function setLang(value) {
  if (!languages.includes(value)) return;
  current = value;
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value;
}

/** t('instances.count', {n: 3}): {name} placeholders are replaced by the values, as text. */
export function t(key, vars) {
  const text = catalogs[current][key] ?? catalogs.en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : text;
}

/** True when the key has a text in the current language or in English. */
export function has(key) {
  return key in catalogs[current] || key in catalogs.en;
}

/** How many texts the English catalogue holds (the console's tests check the catalogues are the page's). */
export function messageCount() {
  return Object.keys(catalogs.en).length;
}

/** Keys present in one language and not the other (the console's tests check there are none). */
export function missingMessages() {
  const en = Object.keys(catalogs.en);
  const fr = Object.keys(catalogs.fr);
  return { fr: en.filter(k => !(k in catalogs.fr)), en: fr.filter(k => !(k in catalogs.en)) };
}
