"""Ship finished training cycles of a shipped model (the default unless --name says otherwise) from their run folders (after `tools/compare_candidates.py` chose them).

Usage: python tools/ship_cycle.py RUNS [RUNS ...] --commands COMMAND [COMMAND ...] [--out NAME] [--name MODEL] --writeups [MD ...] --notes NOTE [NOTE ...]
(a NOTE must not start with '-': argparse would read it as an option)

Each RUNS is a folder given to `deblur-nb-train --runs`, in order: each continued the one before (the first, the shipped
weights). A folder may hold one cycle or a lineage of several (`--extend` runs on the same folder, each with its own `--out`);
the last holds the weights and record to ship (RUNS/NAME/MODEL.{pt,json}, MODEL `default` unless --name says otherwise, NAME `out` unless --out says otherwise; an
earlier folder needs one record under any out*/ that ends with a cycle the last run continued, e.g. the cycle a twin copied), and
together their logs (RUNS/MODEL/log.csv) hold every new epoch; a run folder copied to start a twin repeats the rows
before the copy, which must then be identical.
- The last run's record must continue the shipped one: its notes and cycle log start with the shipped record's, plus one per new cycle
  (a lineage that goes on after some of its cycles shipped lacks the notes shipping added; they are kept).
- Each new cycle's command becomes its COMMAND (the `make train-cycle ...` line that reproduces it from a clone); the record's, the last.
- The NOTEs (how the cycles were chosen, their write-up) follow the runs' own notes; each new cycle links the MDs (files in
  results/training/experiments/, which must exist; `--writeups` with none: no link).
- The new log rows are appended to results/training/MODEL_log.csv (the shipped log keeps every earlier cycle);
  results/training/MODEL.md and the model card are rewritten.
- `nbs/05a_training_report.ipynb` then runs (`nbdev-test`), so the figures it draws from the records (`figures/model_curves.png`,
  and for the default its curves, crops and real clock) are redrawn now rather than by the next `make test`.
Scores in the README come later, from `make eval`.
"""
import argparse, json, shutil, subprocess, sys
from pathlib import Path
import pandas as pd
from deblur_nb.core import repo_dir
from deblur_nb.models import weights_dir
from deblur_nb.train import publish_record

def new_rows(runs:list, end:int, header:str, stops:list, name:str='default') -> dict:
    "Each log row after epoch `end` and before its folder's stop, by epoch (a row repeated in a copied folder must be identical)."
    rows = {}
    for r, stop in zip(runs, stops):
        first, *lines = (r/name/'log.csv').read_text().splitlines(keepends=True)
        assert first.strip() == header, f'{r} has other log columns than the shipped log'
        for line in lines:
            e = int(line.split(',')[0])
            if end < e < stop: assert rows.setdefault(e, line) == line, f'{r}: epoch {e} differs from an earlier folder\'s row'
    return rows

def main(runs:list, commands:list, notes:list, out:str='out', name:str='default', writeups:list=()):
    runs, w = [Path(r) for r in runs], weights_dir()
    missing = [m for m in writeups if not (repo_dir()/'results'/'training'/'experiments'/m).exists()]
    assert not missing, f'no such write-up in results/training/experiments/: {missing}'
    last = runs[-1]/out
    assert (last/f'{name}.pt').exists(), f'no weights in {last}'
    old, new = (json.loads(p.read_text()) for p in (w/f'{name}.json', last/f'{name}.json'))
    n, c = len(old['notes']), len(old['cycle_log'])
    cycles = new['cycle_log'][c:]
    assert len(commands) == len(cycles), f'{len(cycles)} new cycles but {len(commands)} commands'
    k = len(new['notes']) - len(cycles)   # the run's notes before its new cycles: the shipped ones, or their first k when the
    assert k <= n and new['notes'][:k] == old['notes'][:k], 'the run does not continue the shipped record'   # run went on after a ship
    new['notes'] = old['notes'] + new['notes'][k:]   # the shipped notes (with what shipping added), then one per new cycle
    assert [x['cycle'] for x in new['cycle_log'][:c]] == [x['cycle'] for x in old['cycle_log']]
    new['cycle_log'][:c] = old['cycle_log']          # the shipped cycles' commands as they were (make lines, not the run's)
    hist = repo_dir()/'results'/'training'/f'{name}_log.csv'
    shipped = pd.read_csv(hist)
    header, end = ','.join(shipped.columns), shipped.epoch.max()
    strip = lambda x: {k: v for k, v in x.items() if k != 'command'}
    stops = []   # each earlier folder holds a record (any out*/) ending with a cycle the last run continued; its rows end there
    for r in runs[:-1]:
        recs = [json.loads(p.read_text()) for p in r.glob(f'out*/{name}.json')]
        ends = [x['epochs'] for x in recs if strip(x['cycle_log'][-1]) in map(strip, cycles)]
        assert ends, f'{r} is not a cycle the last run continued'
        stops.append(max(ends))
    rows = new_rows(runs, end, header, stops + [new['epochs']], name)   # a lineage folder may have gone on past its stop
    assert sorted(rows) == list(range(end + 1, new['epochs'])), 'the logs have gaps or do not reach the record\'s last epoch'
    for cyc, cmd in zip(cycles, commands):
        assert cyc['first_epoch'] == end + 1, f"cycle {cyc['cycle']} does not follow the one before it"
        end, cyc['command'] = end + cyc['epochs'], cmd
        cyc['writeups'] = list(writeups)   # the cycles table links them
    assert end + 1 == new['epochs'], 'the cycles do not reach the record\'s last epoch'
    new['command'] = commands[-1]
    new['notes'] += list(notes)
    with open(hist, 'a') as f: f.writelines(rows[e] for e in sorted(rows))   # rows as written, earlier rows untouched
    shutil.copy(last/f'{name}.pt', w/f'{name}.pt')
    (w/f'{name}.json').write_text(json.dumps(new, indent=2, default=str) + '\n')
    publish_record(name)   # results/training/MODEL.md and the model card; the log was appended above
    subprocess.run([str(Path(sys.executable).parent/'nbdev-test'), str(repo_dir()/'nbs'/'05a_training_report.ipynb')],
                   check=True, cwd=repo_dir())   # redraws the figures drawn from the records
    print(f"shipped cycles {', '.join(str(x['cycle']) for x in cycles)}: {new['epochs']} epochs, {new['train_seconds']/60:.0f} min")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('runs', nargs='+'); p.add_argument('--commands', nargs='+', required=True); p.add_argument('--notes', nargs='*', default=[])
    p.add_argument('--out', default='out', help='the subfolder of the last RUNS that holds the weights to ship')
    p.add_argument('--name', default='default', help='the shipped model the cycles continue (its weights, record and log)')
    p.add_argument('--writeups', nargs='*', required=True, help='write-ups of the new cycles in results/training/experiments/ (none: no link)')
    a = p.parse_args(); main(a.runs, a.commands, a.notes, a.out, a.name, a.writeups)
