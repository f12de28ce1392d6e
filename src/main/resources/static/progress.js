// Live progress on a run's page: polls the run's progress every second, and reloads the page once the run
// has ended so that the results table appears. Without JavaScript, the page refreshes itself instead.
(function () {
  const main = document.getElementById('run');
  if (!main || main.dataset.finished === 'true') {
    return;
  }
  const set = (id, value) => { const element = document.getElementById(id); if (element) { element.textContent = value; } };
  async function poll() {
    try {
      const response = await fetch(main.dataset.progress, { headers: { 'Accept': 'application/json' } });
      if (response.ok) {
        const progress = await response.json();
        set('status', progress.status);
        set('done', progress.done);
        set('total', progress.total);
        set('rate', progress.rowsPerSecond);
        set('retries', progress.retries);
        const bar = document.getElementById('bar');
        const percent = progress.total === 0 ? 100 : Math.min(100, Math.floor(progress.done * 100 / progress.total));
        bar.value = percent;
        bar.textContent = percent + '%';
        const counts = document.getElementById('counts');
        counts.replaceChildren(...Object.entries(progress.counts).map(([outcome, count]) => {
          const row = document.createElement('tr');
          const name = document.createElement('td');
          name.textContent = outcome;
          const value = document.createElement('td');
          value.className = 'number';
          value.dataset.outcome = outcome;
          value.textContent = count;
          row.append(name, value);
          return row;
        }));
        if (progress.finished) {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // the server is busy or restarting: try again
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 1000);
})();
