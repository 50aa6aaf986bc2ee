"""Ship a finished training cycle of the default model from its run folder (after `tools/compare_candidates.py` chose it).

Usage: python tools/ship_cycle.py RUNS "COMMAND" "NOTE" [NOTE ...]

RUNS is the folder given to `deblur-nb-train --runs` (its weights in RUNS/out/default.pt, its log in RUNS/default/log.csv).
- The run's record must continue the shipped one: its notes and cycle log start with the shipped record's.
- The new cycle's command, and the record's, become COMMAND (the `make train-cycle ...` line that reproduces it from a clone).
- The NOTEs (how the cycle was chosen, its write-up) follow the run's own note.
- The run's log rows are appended to results/training/default_log.csv (the shipped log keeps every earlier cycle);
  results/training/default.md and the model card are rewritten.
Scores in the README come later, from `make eval`.
"""
import json, shutil, sys
from pathlib import Path
import pandas as pd
from deblur_nb.core import repo_dir
from deblur_nb.models import weights_dir
from deblur_nb.train import record_markdown, write_model_card

def main(runs, command, *notes):
    runs, w = Path(runs), weights_dir()
    assert (runs/'out'/'default.pt').exists(), f'no weights in {runs}/out'
    old, new = (json.loads(p.read_text()) for p in (w/'default.json', runs/'out'/'default.json'))
    n, c = len(old['notes']), len(old['cycle_log'])
    assert new['notes'][:n] == old['notes'] and len(new['notes']) == n + 1, 'the run does not continue the shipped record'
    assert [x['cycle'] for x in new['cycle_log'][:c]] == [x['cycle'] for x in old['cycle_log']] and len(new['cycle_log']) == c + 1
    new['cycle_log'][:c] = old['cycle_log']          # the shipped cycles' commands as they were (make lines, not the run's)
    new['cycle_log'][-1]['command'] = new['command'] = command
    new['notes'] += list(notes)
    run_log, hist = runs/'default'/'log.csv', repo_dir()/'results'/'training'/'default_log.csv'
    log, shipped = pd.read_csv(run_log), pd.read_csv(hist)
    assert list(log.columns) == list(shipped.columns), 'the run\'s log has other columns than the shipped log'
    assert log.epoch.min() == shipped.epoch.max() + 1 == new['cycle_log'][-1]['first_epoch'], 'the run\'s log does not follow the shipped log'
    assert list(log.epoch) == list(range(log.epoch.min(), new['epochs'])), 'the run\'s log has gaps or does not reach its last epoch'
    with open(hist, 'a') as f: f.writelines(run_log.read_text().splitlines(keepends=True)[1:])   # rows as written, earlier rows untouched
    shutil.copy(runs/'out'/'default.pt', w/'default.pt')
    (w/'default.json').write_text(json.dumps(new, indent=2, default=str) + '\n')
    (repo_dir()/'results'/'training'/'default.md').write_text(record_markdown('default'))
    write_model_card('default')
    print(f"shipped cycle {new['cycle_log'][-1]['cycle']}: {new['epochs']} epochs, {new['train_seconds']/60:.0f} min")

if __name__ == '__main__': main(*sys.argv[1:])
