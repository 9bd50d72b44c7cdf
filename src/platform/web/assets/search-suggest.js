// Island: question suggestions under every search box while typing. Without JavaScript the box is a
// plain GET form; this only adds a listbox fed by GET /api/v1/search/suggest (see src/inquiry/search/routes.ts).
const DELAY_MS = 150;

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
        if (s.locale === 'zh') li.lang = 'zh-CN';
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
    if (q.length < 2) return close();
    timer = setTimeout(async () => {
      const request = ++latest;
      try {
        const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`, {
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
