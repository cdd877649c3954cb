import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain periodic lines elsewhere (CI logs, files). */
export function progressBar(title: string) {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${title} [{bar}] {percentage}% {value}/{total} {label}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done: number, total: number, label = '') {
        if (!started) {
          bar.start(total, 0, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastPct = -1;
  return {
    update(done: number, total: number, label = '') {
      const pct = total ? Math.floor((done / total) * 10) * 10 : 0;
      if (pct !== lastPct) {
        lastPct = pct;
        console.log(`${title}: ${pct}% (${done}/${total}) ${label}`);
      }
    },
    stop() {},
  };
}
