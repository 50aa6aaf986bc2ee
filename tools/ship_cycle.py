"""Ship finished training cycles of the default model from their run folders (after `tools/compare_candidates.py` chose them).

Usage: python tools/ship_cycle.py RUNS [RUNS ...] --commands COMMAND [COMMAND ...] --notes NOTE [NOTE ...]
(a NOTE must not start with '-': argparse would read it as an option)

Each RUNS is a folder given to `deblur-nb-train --runs`, one per new cycle, in order: each continued the one before
(the first, the shipped weights); the last holds the weights and record to ship (RUNS/out/default.{pt,json}); each holds its
cycle's log (RUNS/default/log.csv).
- The last run's record must continue the shipped one: its notes and cycle log start with the shipped record's, plus one per run.
- Each new cycle's command becomes its COMMAND (the `make train-cycle ...` line that reproduces it from a clone); the record's, the last.
- The NOTEs (how the cycles were chosen, their write-up) follow the runs' own notes.
- The runs' log rows are appended to results/training/default_log.csv (the shipped log keeps every earlier cycle);
  results/training/default.md and the model card are rewritten.
Scores in the README come later, from `make eval`.
"""
import argparse, json, shutil
from pathlib import Path
import pandas as pd
from deblur_nb.core import repo_dir
from deblur_nb.models import weights_dir
from deblur_nb.train import record_markdown, write_model_card

def main(runs:list, commands:list, notes:list):
    runs, w, k = [Path(r) for r in runs], weights_dir(), len(runs)
    assert len(commands) == k, f'{k} runs but {len(commands)} commands'
    last = runs[-1]/'out'
    assert (last/'default.pt').exists(), f'no weights in {last}'
    old, new = (json.loads(p.read_text()) for p in (w/'default.json', last/'default.json'))
    n, c = len(old['notes']), len(old['cycle_log'])
    assert new['notes'][:n] == old['notes'] and len(new['notes']) == n + k, 'the run does not continue the shipped record'
    assert [x['cycle'] for x in new['cycle_log'][:c]] == [x['cycle'] for x in old['cycle_log']] and len(new['cycle_log']) == c + k
    new['cycle_log'][:c] = old['cycle_log']          # the shipped cycles' commands as they were (make lines, not the run's)
    hist = repo_dir()/'results'/'training'/'default_log.csv'
    shipped, logs = pd.read_csv(hist), [r/'default'/'log.csv' for r in runs]
    end = shipped.epoch.max()
    strip = lambda x: {k: v for k, v in x.items() if k != 'command'}
    for r, cyc in zip(runs[:-1], new['cycle_log'][c:]):   # each earlier run is the one the last continued (a twin would pass the epoch checks)
        assert strip(json.loads((r/'out'/'default.json').read_text())['cycle_log'][-1]) == strip(cyc), f'{r} is not the cycle the last run continued'
    for cyc, cmd, run_log in zip(new['cycle_log'][c:], commands, logs):
        log = pd.read_csv(run_log)
        assert list(log.columns) == list(shipped.columns), f'{run_log} has other columns than the shipped log'
        assert log.epoch.min() == end + 1 == cyc['first_epoch'], f'{run_log} does not follow the log before it'
        end = cyc['first_epoch'] + cyc['epochs'] - 1
        assert list(log.epoch) == list(range(log.epoch.min(), end + 1)), f'{run_log} has gaps or does not reach its last epoch'
        cyc['command'] = cmd
    assert end + 1 == new['epochs'], 'the logs do not reach the record\'s last epoch'
    new['command'] = commands[-1]
    new['notes'] += list(notes)
    with open(hist, 'a') as f:   # rows as written, earlier rows untouched
        for run_log in logs: f.writelines(run_log.read_text().splitlines(keepends=True)[1:])
    shutil.copy(last/'default.pt', w/'default.pt')
    (w/'default.json').write_text(json.dumps(new, indent=2, default=str) + '\n')
    (repo_dir()/'results'/'training'/'default.md').write_text(record_markdown('default'))
    write_model_card('default')
    print(f"shipped cycles {', '.join(str(x['cycle']) for x in new['cycle_log'][c:])}: {new['epochs']} epochs, {new['train_seconds']/60:.0f} min")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('runs', nargs='+'); p.add_argument('--commands', nargs='+', required=True); p.add_argument('--notes', nargs='*', default=[])
    a = p.parse_args(); main(a.runs, a.commands, a.notes)
