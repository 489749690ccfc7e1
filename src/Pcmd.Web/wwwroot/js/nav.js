// The menu on a phone: a button opens and closes it (the page works without this script: the menu then stays open).
// The drop-downs are <details>: one open at a time; a click elsewhere or Escape closes it.
(() => {
  const button = document.querySelector('.pcmd-menu-button');
  const menu = document.getElementById('pcmd-menu');
  if (button && menu) {
    const small = window.matchMedia('(max-width: 991.98px)');
    const apply = () => menu.classList.toggle('pcmd-collapsed', small.matches && button.getAttribute('aria-expanded') !== 'true');
    button.hidden = false;
    button.addEventListener('click', () => {
      button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
      apply();
    });
    small.addEventListener('change', apply);
    apply();
  }
  const groups = [...document.querySelectorAll('.pcmd-group details')];
  groups.forEach(d => d.addEventListener('toggle', () => {
    if (d.open) groups.forEach(o => { if (o !== d) o.open = false; });
  }));
  document.addEventListener('click', e => groups.forEach(d => { if (d.open && !d.contains(e.target)) d.open = false; }));
  document.addEventListener('keydown', e => {
    if (e.key !== 'Escape') return;
    groups.forEach(d => { if (d.open) { d.open = false; d.querySelector('summary').focus(); } });
  });
})();
