// Island: the answer editor's legal basis, checked while the expert types. Without JavaScript the
// Preview button resolves the citations on the server (src/inquiry/answering/routes.ts); this only adds
// a live list under the citations textarea, fed by POST /api/v1/citations/resolve (src/statutes/routes.ts).
// Everything it says comes from the page, in the page's language: the messages in data-citation-check and the
// API's address, with its language, in data-citation-api (src/inquiry/answering/views/answer-editor-page.tsx).
//
// The server resolves each line on its own when the answer is submitted. The API is rate-limited per
// IP, so one request checks the whole textarea; a line is sent again on its own only where the
// whole-text result could differ from the line's: a citation running over a line break, or a line
// that resolves only because an earlier line named the statute ("第五十九条" under
// "《社会保险法》第五十八条"). Results are cached by text, so such a line costs one request once.
const DELAY_MS = 300;
const MAX_TEXT = 10000; // the API refuses longer text
const MAX_LINE_CHECKS = 8; // per check; beyond that the whole-text result stands
const CACHE_SIZE = 100;

const format = (template, params) =>
  template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));

class CheckFailed extends Error {
  constructor(status) {
    super(`citation check failed (${status})`);
    this.status = status;
  }
}

const cache = new Map();

/** The API's citations for a text: a cached promise, forgotten if the request fails. */
function resolve(api, text) {
  const key = `${api}\n${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const request = fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ text }),
  }).then(async (res) => {
    if (!res.ok) throw new CheckFailed(res.status);
    return (await res.json()).citations;
  });
  request.catch(() => cache.delete(key));
  cache.set(key, request);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  return request;
}

/** Whether a line names the statute a citation resolved to (aliases are not known here). */
function namesStatute(line, statute) {
  const lower = line.toLowerCase();
  const names = [
    statute.titleZh,
    statute.titleZh.replace(/^中华人民共和国/, ''),
    statute.titleEn,
    statute.shortTitleEn,
  ];
  return names.some((name) => name && lower.includes(name.toLowerCase()));
}

/** Each non-empty line with the citations the server will find in it when the answer is submitted. */
async function checkLines(api, text) {
  const lines = text.split('\n');
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (position) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= position) i++;
    return i;
  };

  const found = lines.map(() => ({ citations: [], alone: false }));
  for (const citation of await resolve(api, text)) {
    const first = lineOf(citation.span[0]);
    const last = lineOf(Math.max(citation.span[0], citation.span[1] - 1));
    for (let i = first; i <= last && last > first; i++) found[i].alone = true;
    found[first].citations.push(citation);
  }
  let earlier = false;
  found.forEach((f, i) => {
    if (f.citations.length === 0) return;
    if (earlier && f.citations.some((c) => c.ok && !namesStatute(lines[i], c.statute))) f.alone = true;
    earlier = true;
  });

  const model = [];
  const own = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const entry = { line: i + 1, text: trimmed, citations: found[i].citations };
    model.push(entry);
    if (found[i].alone && own.length < MAX_LINE_CHECKS) own.push(entry);
  });
  await Promise.all(
    own.map(async (entry) => {
      entry.citations = await resolve(api, entry.text);
    }),
  );
  return model;
}

const checks = new WeakMap();
const MESSAGES = ['heading', 'noCitation', 'failed', 'unavailable', 'rateLimited', 'tooLong'];

function enhance(textarea) {
  let messages;
  try {
    messages = JSON.parse(textarea.dataset.citationCheck || '{}');
  } catch {
    return;
  }
  const api = textarea.dataset.citationApi;
  // Without the page's words or the API's address the island stays out: Preview still checks on the server.
  if (!api || !MESSAGES.every((name) => typeof messages[name] === 'string')) return;
  const region = document.createElement('div');
  region.id = `${textarea.id}-check`;
  region.className = 'citation-check';
  region.setAttribute('aria-live', 'polite');
  textarea.after(region);

  let timer = 0;
  let latest = 0;
  let shown = '';
  const open = new Set(); // article texts the expert expanded stay expanded when the list is redrawn

  const show = (key, nodes) => {
    if (key === shown) return; // unchanged: nothing new to announce
    shown = key;
    region.replaceChildren(...nodes);
  };

  const notice = (message) => {
    const p = document.createElement('p');
    p.className = 'field-error';
    p.textContent = message;
    show(`notice:${message}`, [p]);
  };

  const render = (model) => {
    const key = JSON.stringify(
      model.map((l) => [l.line, l.text, l.citations.map((c) => (c.ok ? [c.label, c.article.id] : c.reason))]),
    );
    if (model.length === 0) return show(key, []);
    const list = document.createElement('ul');
    list.className = 'legal-basis';
    list.setAttribute('aria-label', messages.heading);
    for (const entry of model) {
      const li = document.createElement('li');
      if (entry.citations.length === 0) {
        const p = document.createElement('p');
        p.className = 'field-error';
        p.textContent = format(messages.noCitation, {
          line: entry.line,
          text: entry.text,
        });
        li.append(p);
      }
      for (const c of entry.citations) {
        if (c.ok) {
          const openKey = `${c.label}#${c.article.id}`;
          const details = document.createElement('details');
          details.open = open.has(openKey);
          details.addEventListener('toggle', () => (details.open ? open.add(openKey) : open.delete(openKey)));
          const summary = document.createElement('summary');
          summary.textContent = c.label; // text, never HTML
          const quote = document.createElement('blockquote');
          quote.className = 'article-text';
          quote.lang = 'zh-CN';
          quote.textContent = c.article.text;
          details.append(summary, quote);
          li.append(details);
        } else {
          const p = document.createElement('p');
          p.className = 'field-error';
          p.textContent = format(messages.failed, {
            line: entry.line,
            reason: c.reason,
          });
          li.append(p);
        }
      }
      list.append(li);
    }
    show(key, [list]);
  };

  const check = async () => {
    clearTimeout(timer);
    const text = textarea.value;
    const request = ++latest;
    if (!text.trim()) return render([]);
    if (text.length > MAX_TEXT) return notice(messages.tooLong);
    region.setAttribute('aria-busy', 'true');
    try {
      const model = await checkLines(api, text);
      if (request === latest) render(model);
    } catch (error) {
      if (request !== latest) return;
      notice(error instanceof CheckFailed && error.status === 429 ? messages.rateLimited : messages.unavailable);
    } finally {
      if (request === latest) region.removeAttribute('aria-busy');
    }
  };

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  });
  checks.set(textarea, check);
  if (textarea.value.trim()) check(); // an answer being revised, or the form shown again after Preview
}

/** Adds a citation as a new line (unless the textarea has it already) and checks at once. */
function addCitation(textarea, text) {
  const lines = textarea.value.split('\n').map((line) => line.trim());
  if (!lines.includes(text)) {
    const kept = textarea.value.replace(/\s+$/, '');
    const value = kept ? `${kept}\n${text}` : text;
    if (textarea.maxLength > 0 && value.length > textarea.maxLength) return;
    textarea.value = value;
  }
  checks.get(textarea)?.();
}

document.querySelectorAll('textarea[data-citation-check]').forEach(enhance);
// Add buttons do nothing without this island: a page may render them hidden, and they appear once it runs.
if (document.querySelector('textarea[data-citation-check]')) {
  document.querySelectorAll('[data-add-citation][hidden]').forEach((element) => {
    element.hidden = false;
  });
}

// Any button or link marked data-add-citation="<citation>" (suggested articles, for instance) adds its
// citation to the textarea of its form, or to the page's only one.
document.addEventListener('click', (event) => {
  const trigger = event.target instanceof Element ? event.target.closest('[data-add-citation]') : null;
  if (!trigger || trigger.matches(':disabled')) return;
  const text = (trigger.getAttribute('data-add-citation') || '').trim();
  const textarea =
    trigger.closest('form')?.querySelector('textarea[data-citation-check]') ??
    document.querySelector('textarea[data-citation-check]');
  if (!text || !textarea || !checks.has(textarea)) return;
  event.preventDefault();
  addCitation(textarea, text);
});
