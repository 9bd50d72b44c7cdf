// Island: question suggestions under every search box while typing. Without JavaScript the box is a
// plain GET form; this only adds a listbox fed by GET /api/v1/search/suggest (see src/inquiry/search/routes.ts).
const DELAY_MS = 150;
// The page's language, as the server wrote it in <html lang> (zh-CN or en): suggestions come in it first, and
// their links (the API's `url`) stay in it.
const LANG = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const HAN = /\p{Script=Han}/u;

/** Enough typed to suggest: one Chinese character is a word's start (社 → 社保卡), one Latin letter is not. */
const worthAsking = (q) => q.length >= 2 || HAN.test(q);

function enhance(input, label) {
  if (!input) return;
  const list = document.createElement('ul');
  list.id = `${input.id}-suggestions`;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', label || 'Suggested questions');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');

  let timer = 0;
  let active = -1;
  let latest = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const show = (suggestions) => {
    list.replaceChildren(
      ...suggestions.map((s, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        // A title in the other language (a question with no version in the page's) is read in its own.
        if (s.locale !== LANG) li.lang = s.locale === 'zh' ? 'zh-CN' : 'en';
        const a = document.createElement('a');
        a.href = s.url;
        a.textContent = s.title; // text, never HTML
        a.tabIndex = -1;
        li.append(a);
        return li;
      }),
    );
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(suggestions.length > 0));
    active = -1;
  };

  const highlight = (index) => {
    const items = list.querySelectorAll('[role="option"]');
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => {
      item.setAttribute('aria-selected', String(i === active));
    });
    input.setAttribute('aria-activedescendant', items[active].id);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!worthAsking(q)) {
      latest++; // an answer still on its way is for text no longer there
      return close();
    }
    timer = setTimeout(async () => {
      const request = ++latest;
      try {
        const res = await fetch(`/api/v1/search/suggest?lang=${LANG}&q=${encodeURIComponent(q)}`, {
          headers: { accept: 'application/json' },
        });
        if (!res.ok || request !== latest) return;
        show((await res.json()).suggestions);
      } catch {
        close(); // suggestions are a convenience; the form still works
      }
    }, DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.assign(list.querySelectorAll('a')[active].href);
      return;
    } else return;
    event.preventDefault();
  });

  input.addEventListener('blur', () => setTimeout(close, 200));
}

for (const form of document.querySelectorAll('form.search-box')) {
  enhance(form.querySelector('input[name="q"]'), form.dataset.suggestLabel);
}
// The ask form's title: similar questions while typing (the confirm step shows them without JavaScript).
for (const input of document.querySelectorAll('input[data-suggest="similar"]')) {
  enhance(input, input.parentElement?.dataset.suggestLabel);
}
