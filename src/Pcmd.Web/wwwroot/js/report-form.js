// Autosave of a report draft (Features/Reporting/Pages/ReportPage.razor): about 1.5 s after the user stops typing, the
// form is sent as the draft JSON to PUT /api/v1/reports/{id} (the same service as the "Lưu nháp" button), so a draft
// survives a closed browser. Every save carries the version the page holds; the answer's version is written back into
// each form of the page, so the buttons keep working. A 409 means someone (or another window) saved in between: autosave
// stops rather than overwrite. The JSON API needs no antiforgery token: the SameSite=Strict cookie is its CSRF defence.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-autosave-url');
  var status = document.querySelector('[data-autosave-status]');
  var DELAY = 1500;
  // The page's words in the reader's language (data-msg-* on the form, from Resources/strings.tsv); Vietnamese if absent.
  function msg(name, fallback) { return form.getAttribute('data-msg-' + name) || fallback; }
  var CONFLICT = msg('conflict', 'Báo cáo vừa được lưu ở nơi khác (người khác hoặc cửa sổ khác). Hãy tải lại trang để xem bản mới nhất.');
  var timer = null, inflight = null, dirty = false, stopped = false, leaving = false;

  function say(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('text-danger', !!isError);
    status.classList.toggle('text-body-secondary', !isError);
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }
  // Việt Nam's time, as the server writes every other time on the page, whatever the computer's time zone.
  function clock(d) {
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
    } catch (e) {
      return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
    }
  }

  function versionInputs() { return document.querySelectorAll('input[data-report-version]'); }
  function setVersion(v) { Array.prototype.forEach.call(versionInputs(), function (i) { i.value = String(v); }); }

  // Numbers as Vietnamese write them: "1.500" is fifteen hundred, "12,5" twelve and a half; "12.5" (a dot that cannot be a
  // thousands separator) is read as a decimal point. The same rules as ReportPageText.TryParseNumber on the server.
  function parseNumber(text) {
    var t = (text || '').replace(/[\s\u00a0]/g, '');
    if (t === '') return { ok: true, value: null };
    if (t.indexOf(',') >= 0) {
      if (t.split(',').length > 2) return { ok: false };
      t = t.replace(/\./g, '').replace(',', '.');
    } else if (t.indexOf('.') >= 0) {
      var groups = t.replace(/^-/, '').split('.');
      var thousands = groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every(function (g) { return g.length === 3; });
      if (thousands) t = t.replace(/\./g, '');
      else if (groups.length > 2) return { ok: false };
    }
    if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false };
    return { ok: true, value: Number(t) };
  }

  function isPercent(text) { return /%\s*$/.test(text || ''); }

  function field(scope, name) {
    var el = scope.querySelector('[data-field="' + name + '"]');
    return el ? el.value : null;
  }

  function build() {
    var problems = [];
    var tasks = Array.prototype.map.call(form.querySelectorAll('[data-task-id]'), function (el) {
      return { taskId: Number(el.getAttribute('data-task-id')), progress: field(el, 'progress') || null, narrative: field(el, 'narrative') };
    });
    var values = Array.prototype.map.call(form.querySelectorAll('[data-indicator-id]'), function (el) {
      var number = el.getAttribute('data-number');
      function num(name, raw) {
        if (raw === null) return null;
        var n = parseNumber(raw);
        if (!n.ok) problems.push(msg('nan', 'Chỉ tiêu {0}: \'{1}\' không phải là số (ví dụ 1.500 hoặc 12,5).').replace('{0}', number).replace('{1}', raw.trim()));
        return n.value;
      }
      var id = Number(el.getAttribute('data-indicator-id')), note = field(el, 'note');
      var raw = field(el, 'value'), den = field(el, 'denominator'), pct = field(el, 'percent');
      // A share's rate typed without its parts (the per cent box, or "85 %" in the numerator's box): kept as typed.
      if (pct !== null && (den || '').trim() === '' && (isPercent(raw) || (raw || '').trim() === '')) {
        var text = isPercent(raw) ? raw : pct;
        var p = parseNumber((text || '').trim().replace(/%$/, ''));
        if (!p.ok) problems.push(msg('nap', 'Chỉ tiêu {0}: \'{1}\' không phải là tỷ lệ phần trăm (ví dụ 85 %, 85,5).').replace('{0}', number).replace('{1}', (text || '').trim()));
        return { indicatorId: id, value: null, denominator: null, percent: p.value, note: note };
      }
      return { indicatorId: id, value: num('value', raw), denominator: num('denominator', den), note: note };
    });
    var answers = Array.prototype.map.call(form.querySelectorAll('[data-answer-index]'), function (el) { return el.value; });
    var version = Number((versionInputs()[0] || {}).value);
    return {
      problems: problems,
      draft: {
        version: version, difficulties: field(form, 'difficulties') || '', proposals: field(form, 'proposals') || '',
        answers: answers, tasks: tasks, values: values
      }
    };
  }

  function clearMarks() {
    Array.prototype.forEach.call(form.querySelectorAll('.is-invalid[data-autosave-mark]'), function (el) {
      el.classList.remove('is-invalid');
      el.removeAttribute('data-autosave-mark');
    });
  }

  // The problem's "errors" are keyed by the field's path, which is the field's name in this form.
  function showProblems(problem) {
    clearMarks();
    var messages = [];
    var errors = (problem && problem.errors) || {};
    Object.keys(errors).forEach(function (path) {
      messages = messages.concat(errors[path]);
      var el = form.querySelector('[name="' + path.replace(/"/g, '') + '"]');
      if (el && !el.classList.contains('is-invalid')) { el.classList.add('is-invalid'); el.setAttribute('data-autosave-mark', ''); }
    });
    if (messages.length === 0) messages.push((problem && (problem.detail || problem.title)) || msg('invalid', 'Dữ liệu không hợp lệ.'));
    say(msg('notsaved', 'Chưa lưu được bản nháp:') + ' ' + messages.join(' '), true);
  }

  function save(keepalive) {
    clearTimeout(timer);
    timer = null;
    if (stopped) return Promise.resolve();
    if (inflight) return inflight.then(function () { return dirty ? save(keepalive) : null; });
    var built = build();
    if (built.problems.length > 0) { say(msg('notsaved', 'Chưa lưu được bản nháp:') + ' ' + built.problems.join(' '), true); return Promise.resolve(); }
    dirty = false;
    say(msg('saving', 'Đang lưu nháp…'));
    inflight = fetch(url, {
      method: 'PUT', credentials: 'same-origin', keepalive: !!keepalive,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(built.draft)
    }).then(function (res) {
      if (res.ok) {
        return res.json().then(function (saved) {
          setVersion(saved.version);
          clearMarks();
          say(msg('saved', 'Đã lưu nháp lúc') + ' ' + clock(new Date()));
        });
      }
      dirty = true;
      return res.json().catch(function () { return null; }).then(function (problem) {
        if (res.status === 409) {
          stopped = true;
          var detail = problem && problem.detail;
          // A report locked meanwhile (submitted elsewhere) says so; any other 409 is a concurrent save.
          say(detail && /khóa|đã nộp/.test(detail) ? detail + ' ' + msg('reload', 'Hãy tải lại trang.') : CONFLICT, true);
        } else if (res.status === 400) {
          showProblems(problem);
        } else {
          say(msg('failed', 'Không lưu được bản nháp (mã {0}). Hãy bấm "Lưu nháp".').replace('{0}', res.status), true);
        }
      });
    }, function () {
      dirty = true;
      say(msg('offline', 'Không kết nối được máy chủ: bản nháp chưa được lưu. PCMD sẽ thử lại khi bạn nhập tiếp.'), true);
    }).then(function () { inflight = null; });
    return inflight;
  }

  function edited(e) {
    var t = e.target;
    if (!t || !t.matches || !t.matches('[data-field], [data-answer-index]')) return;
    dirty = true;
    if (stopped || leaving) return;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  }
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);

  // Each section's progress ("7/12 filled"), counted as the page counts it (ReportEditor.Filled), and a share's per cent
  // shown beside its typed numerator and denominator.
  function filledTask(el) { return !!field(el, 'progress') && (field(el, 'narrative') || '').trim() !== ''; }
  function filledIndicator(el) {
    var v = (field(el, 'value') || '').trim(), d = field(el, 'denominator'), p = (field(el, 'percent') || '').trim();
    if (d === null) return v !== '';
    return (v !== '' && (d || '').trim() !== '') || isPercent(v) || (v === '' && (d || '').trim() === '' && p !== '');
  }
  function showShare(el) {
    var out = el.querySelector('[data-share-percent]');
    if (!out) return;
    var v = parseNumber(field(el, 'value')), d = parseNumber(field(el, 'denominator'));
    if (v.ok && d.ok && v.value !== null && d.value) {
      out.textContent = '= ' + (Math.round(10000 * v.value / d.value) / 100).toLocaleString('vi-VN') + ' %';
      out.hidden = false;
    } else { out.textContent = ''; out.hidden = true; }
    var box = el.querySelector('[data-field="percent"]');
    if (box) box.disabled = (field(el, 'value') || '').trim() !== '' || (field(el, 'denominator') || '').trim() !== '';
  }
  function progress() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-progress-of]'), function (counter) {
      var scope = document.getElementById(counter.getAttribute('data-progress-of'));
      if (!scope) return;
      var tasks = scope.querySelectorAll('[data-task-id]'), indicators = scope.querySelectorAll('[data-indicator-id]');
      var total = tasks.length + indicators.length, done = 0;
      Array.prototype.forEach.call(tasks, function (t) { if (filledTask(t)) done++; });
      Array.prototype.forEach.call(indicators, function (i) { if (filledIndicator(i)) done++; });
      counter.textContent = (counter.getAttribute('data-progress-text') || '{0}/{1}').replace('{0}', done).replace('{1}', total);
      counter.classList.toggle('text-bg-success', done === total);
      counter.classList.toggle('text-bg-light', done !== total);
    });
  }
  form.addEventListener('input', function (e) {
    var box = e.target && e.target.closest ? e.target.closest('[data-indicator-id]') : null;
    if (box) showShare(box);
    progress();
  });
  form.addEventListener('change', progress);
  Array.prototype.forEach.call(form.querySelectorAll('[data-indicator-id]'), showShare);

  // Before any form of the page is posted: the report form carries every field itself, but needs the version of a save
  // still on its way; the other forms (attachments, review) need what was typed saved first, so nothing is lost.
  document.addEventListener('submit', function (e) {
    if (leaving) return;
    var target = e.target;
    var own = target === form;
    if (own) { clearTimeout(timer); timer = null; }
    var needsSave = !own && !stopped && (timer !== null || dirty);
    if (!needsSave && !inflight) { leaving = true; return; }
    e.preventDefault();
    var submitter = e.submitter || null;
    (needsSave ? save() : inflight).then(function () {
      leaving = true;
      if (submitter && target.requestSubmit) target.requestSubmit(submitter);
      else if (target.requestSubmit) target.requestSubmit();
      else target.submit();
    });
  }, true);

  // Closing the tab within the 1.5 s: send what is typed anyway (keepalive lets the request outlive the page).
  window.addEventListener('pagehide', function () {
    if (dirty && !stopped && !leaving) save(true);
  });
})();
