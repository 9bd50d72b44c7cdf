// Island: the take-home pay calculator's results, updated as the form changes. Without JavaScript the form is a
// plain GET form (src/cities/salary/routes.ts renders the results); this sends the same fields to
// GET /api/v1/tools/salary and writes its JSON as the page would (src/cities/salary/views/salary-results.tsx: keep
// the two alike). Every word comes from the page, in its language (#salary-island-messages, written by
// src/cities/salary/views/island-messages.ts); text is set as text, never HTML. The address bar follows the form,
// so a reload or a shared link shows the same results.
const DELAY_MS = 300;

const form = document.querySelector('form[data-salary-api]');
const messagesNode = document.getElementById('salary-island-messages');
if (form && messagesNode) enhance(form, JSON.parse(messagesNode.textContent));

function enhance(form, m) {
  const lang = form.dataset.lang === 'zh' ? 'zh' : 'en';
  const htmlLang = document.documentElement.lang || 'en';
  const results = document.getElementById('salary-results');
  const formError = document.getElementById('salary-form-error');
  const moneyFormat = new Intl.NumberFormat(htmlLang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  });
  const dateFormat = new Intl.DateTimeFormat(htmlLang, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  const fill = (template, params) =>
    template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  const money = (amount) => moneyFormat.format(amount);
  const date = (iso) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
  const percent = (value) => (value === null || value === undefined ? null : `${value} %`);

  /** A missing figure's words, not its code (`work_injury.employer`, `deduction.housing_rent`). */
  function missingFigure(code) {
    const [head = '', side = ''] = code.split('.');
    if (head === 'deduction') return m.deduction[side] || m.deduction.other;
    const insurance = m.insurance[head];
    const template = m.missingSide[side];
    return insurance && template ? fill(template, { insurance }) : code;
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false)
        node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }
  const unknown = () => el('em', { class: 'unknown' }, m.unknown);
  const amountOf = (value) => (value === null ? unknown() : money(value));
  const meta = (...children) => el('span', { class: 'meta' }, ...children);
  const localPath = (path) => (lang === 'zh' ? `/zh${path}` : path);

  function basisNote(basis) {
    const parts = [m.rule[basis.rule] || basis.rule];
    for (const c of basis.citations) {
      const label = fill(m.law[c.law] || c.law, { article: c.article ?? '' });
      const href = c.href === null ? null : c.href.startsWith('/') ? localPath(c.href) : c.href;
      parts.push(' · ', href ? el('a', { href }, label) : label);
    }
    if (basis.confidence) parts.push(' · ', fill(m.confidenceIs, { level: m.confidence[basis.confidence] }));
    if (basis.sources.length > 0) parts.push(' · ', fill(m.sourcesAre, { ids: basis.sources.join(', ') }));
    return meta(...parts);
  }

  function employerRate(line) {
    if (line.employer.basis.rule === 'contribution.mergedIntoMedical') return m.rule['contribution.mergedIntoMedical'];
    const range = line.rate.employerRange;
    const fund = line.insurance === 'housing_fund' || line.insurance === 'housing_fund_supplementary';
    const bounds = { min: percent(range?.min ?? null) ?? '?', max: percent(range?.max ?? null) ?? '?' };
    return [
      percent(line.rate.employer) ?? unknown(),
      range && (range.min !== line.rate.employer || range.max !== line.rate.employer)
        ? meta(' ', fill(fund ? m.fundRange : m.rateRange, bounds))
        : null,
    ];
  }

  function lineRow(line) {
    const clamped = line.clamped ? meta(' ', line.clamped === 'floor' ? m.raisedToFloor : m.cappedAtCeiling) : null;
    const fixed = line.employeeFixed > 0 ? meta(' ', fill(m.plusFixed, { amount: money(line.employeeFixed) })) : null;
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, m.insurance[line.insurance] || line.insurance),
      el('td', {}, amountOf(line.base), clamped),
      el('td', {}, percent(line.rate.employee) ?? unknown(), fixed),
      el('td', {}, amountOf(line.employee.amount)),
      el('td', {}, employerRate(line)),
      el('td', {}, amountOf(line.employer.amount)),
      el('td', {}, basisNote(line.employer.basis)),
    );
  }

  const headRow = (...labels) =>
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        labels.map((l) => el('th', { scope: 'col' }, l)),
      ),
    );

  function render(o) {
    const lines = [...o.contributions, o.housingFund, o.supplementaryFund].filter((l) => l !== null);
    const { annual, bonus, employerCost, period } = o;
    const section = el('section', { 'aria-labelledby': 'results-heading' });
    section.append(
      el('h2', { id: 'results-heading' }, m.results),
      el(
        'p',
        {},
        fill(m.periodUsed, {
          label: period.yearLabel,
          from: period.from ? date(period.from) : '?',
          to: period.to ? date(period.to) : '?',
        }),
        ' ',
        fill(m.confidenceIs, { level: m.confidence[period.confidence] }),
      ),
      period.chosen === 'latest' ? el('p', { class: 'notice' }, m.latestNotToday) : '',
      o.missing.length > 0
        ? el(
            'p',
            { class: 'notice', role: 'status' },
            fill(m.missing, { figures: o.missing.map(missingFigure).join(m.missingSeparator) }),
          )
        : '',
      el(
        'table',
        { class: 'salary-table' },
        el('caption', {}, m.contributionsCaption),
        headRow(
          m.col.insurance,
          m.col.base,
          m.col.employeeRate,
          m.col.employee,
          m.col.employerRate,
          m.col.employer,
          m.col.basis,
        ),
        el('tbody', {}, lines.map(lineRow)),
      ),
    );
    if (o.specialDeductions.length > 0) {
      const used = o.specialDeductions.map((d) => `${m.deduction[d.item] || m.deduction.other} ${money(d.amount)}`);
      section.append(el('p', {}, m.deductionsUsed, ' ', used.join('; ')));
    }
    section.append(
      el(
        'table',
        { class: 'salary-table' },
        el('caption', {}, m.monthsCaption),
        headRow(m.col.month, m.col.gross, m.col.employeeContributions, m.col.tax, m.col.takeHome),
        el(
          'tbody',
          {},
          o.months.map((row) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, m.monthName[row.month - 1]),
              el('td', {}, amountOf(row.gross)),
              el('td', {}, amountOf(row.employeeContributions)),
              el('td', {}, amountOf(row.tax)),
              el('td', {}, amountOf(row.takeHome)),
            ),
          ),
        ),
      ),
      el('p', { class: 'meta' }, basisNote(o.tax)),
      el('h3', {}, m.annualHeading[annual.months - 1] || ''),
      el(
        'dl',
        { class: 'salary-totals' },
        el('dt', {}, m.col.gross),
        el('dd', {}, amountOf(annual.gross)),
        el('dt', {}, m.col.employeeContributions),
        el('dd', {}, amountOf(annual.employeeContributions)),
        el('dt', {}, m.col.tax),
        el('dd', {}, amountOf(annual.tax)),
        el('dt', {}, m.col.takeHome),
        el(
          'dd',
          {},
          amountOf(annual.takeHome),
          annual.takeHomeAtMost !== null ? meta(' ', fill(m.atMost, { amount: money(annual.takeHomeAtMost) })) : null,
        ),
        el('dt', {}, m.employerCost),
        el(
          'dd',
          {},
          amountOf(employerCost.monthly),
          ` ${m.perMonth}`,
          employerCost.monthlyAtLeast !== null
            ? meta(' ', fill(m.atLeast, { amount: money(employerCost.monthlyAtLeast) }))
            : null,
        ),
      ),
    );
    if (bonus) section.append(bonusSection(bonus, annual));
    section.append(
      el('h3', {}, m.sourcesHeading),
      el(
        'ul',
        { class: 'salary-sources' },
        o.sources.map((s) =>
          el(
            'li',
            {},
            el('code', {}, s.id),
            ' ',
            s.url && /^https?:\/\//.test(s.url) ? el('a', { href: s.url }, s.title) : s.title,
            s.date ? meta(` · ${s.date}`) : null,
            // The kind of source is English data text, like the notes.
            meta(' · ', el('span', { lang: 'en' }, s.kind)),
          ),
        ),
      ),
    );
    return section;
  }

  function bonusSection(bonus, annual) {
    const method = (label, way, name) =>
      el(
        'li',
        {},
        `${label}: ${m.col.tax} `,
        amountOf(way.tax),
        `, ${m.bonusNet} `,
        amountOf(way.net),
        bonus.better === name ? el('strong', {}, ` ${m.better}`) : null,
        ' ',
        basisNote(way.basis),
      );
    return el(
      'section',
      { 'aria-labelledby': 'bonus-heading' },
      el('h3', { id: 'bonus-heading' }, fill(m.bonusHeading, { amount: money(bonus.gross ?? 0) })),
      el(
        'ul',
        {},
        bonus.separate ? method(m.bonusSeparate, bonus.separate, 'separate') : null,
        method(m.bonusCombined, bonus.combined, 'combined'),
      ),
      el('p', {}, m.withBonus, ' ', amountOf(annual.takeHomeWithBonus)),
    );
  }

  // ---- the form ---------------------------------------------------------------------------------------------
  const field = (name) => form.elements.namedItem(name);
  const rates = (min, max) => {
    const list = [];
    for (let r = Math.ceil(min); r <= Math.floor(max); r++) list.push(r);
    return list;
  };
  /** New options, the first (the city's default) chosen. */
  const setOptions = (select, options) => {
    select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
    select.value = '';
  };

  /** The choices that depend on the city: its periods and fund rates, from the API's answer. */
  function updateChoices(o) {
    const period = field('period');
    if (period) {
      const dated = o.periods.filter((p) => p.from);
      setOptions(period, [
        ['', m.periodToday],
        ...dated.map((p) => [p.from.slice(0, 7), `${p.yearLabel} (${p.from} – ${p.to ?? '?'})`]),
      ]);
    }
    const fund = field('housingFundRate');
    const fundRange = o.choices.housingFund;
    if (fund) {
      const offered = fundRange ? rates(fundRange.min, fundRange.max) : rates(5, 12);
      setOptions(fund, [['', m.fundLowest], ...offered.map((r) => [String(r), `${r} %`]), ['none', m.fundNone]]);
    }
    const supplementary = field('supplementaryFundRate');
    const range = o.choices.supplementaryFund;
    if (supplementary) {
      const offered = range ? rates(range.min, range.max) : [];
      setOptions(supplementary, [['', m.noSupplementary], ...offered.map((r) => [String(r), `${r} %`])]);
      supplementary.disabled = !range;
      supplementary.closest('.supplementary-field').hidden = !range;
    }
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('.field-error')) node.remove();
    for (const node of form.querySelectorAll('[aria-describedby$="-error"]')) node.removeAttribute('aria-describedby');
    formError.hidden = true;
    formError.textContent = '';
  }

  function showErrors(body) {
    const details = Array.isArray(body.details) ? body.details : [];
    let placed = false;
    for (const d of details) {
      // The API names a query field `querystring.gross`; the form, `gross`.
      const name = d.field ? d.field.replace(/^querystring\./, '') : '';
      const input = name ? field(name) : null;
      if (!input?.after) continue;
      const note = el('p', { class: 'field-error', id: `${name}-error` }, d.message);
      input.after(note);
      input.setAttribute('aria-describedby', note.id);
      placed = true;
    }
    if (!placed) {
      formError.textContent = body.error || m.failed;
      formError.hidden = false;
    }
  }

  /** The form's fields as the GET form sends them (disabled ones left out). */
  const formQuery = () => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) query.append(name, String(value));
    return query;
  };

  let timer = 0;
  let latest = 0;
  // Set when the city changes, until an answer for the new city has set its choices.
  let cityChanged = false;
  async function update() {
    const query = formQuery();
    if (cityChanged) {
      // Another city's periods and fund rates differ: start from its defaults.
      for (const name of ['period', 'housingFundRate', 'supplementaryFundRate']) query.delete(name);
    }
    if (!query.get('gross')) return;
    const asked = ++latest;
    query.set('lang', lang);
    let res;
    let body;
    try {
      res = await fetch(`${form.dataset.salaryApi}?${query}`, { headers: { accept: 'application/json' } });
      body = await res.json();
    } catch {
      if (asked === latest) showErrors({ error: m.failed });
      return;
    }
    if (asked !== latest) return; // a newer change was sent meanwhile
    clearErrors();
    query.delete('lang');
    history.replaceState(null, '', `${location.pathname}?${query}`);
    if (!res.ok) {
      showErrors(body);
      results.replaceChildren();
      return;
    }
    if (cityChanged && body.city.slug === query.get('city')) {
      updateChoices(body);
      cityChanged = false;
    }
    results.replaceChildren(render(body));
  }

  const schedule = (event) => {
    if (event.target.name === 'city') cityChanged = true;
    clearTimeout(timer);
    timer = setTimeout(update, DELAY_MS);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
}
