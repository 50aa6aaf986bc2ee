"""Average the weights of networks of one architecture (a "model soup") into a new weight file, for compare_candidates.py.

Usage: python tools/soup.py OUT.pt a.pt b.pt [...]   (weight files or shipped names; int8 storage when the first is int8)
The JSON record beside OUT names the ingredients; training fields are the first ingredient's.
"""
import sys
from deblur_nb.models import load_model, model_record, save_model, weights_dir
from pathlib import Path

def main(out, *ingredients):
    ps = [Path(p) if Path(p).suffix else weights_dir()/f'{p}.pt' for p in ingredients]
    recs = [model_record(p) for p in ps]
    if len({(r['arch'], str(r['kwargs'])) for r in recs}) > 1: raise SystemExit('soup: the weights are of different architectures')
    m, sds = load_model(ps[0]), [load_model(p).state_dict() for p in ps]
    m.load_state_dict({k: sum(sd[k] for sd in sds) / len(sds) if v.is_floating_point() else v for k, v in sds[0].items()})
    r = {k: v for k, v in recs[0].items() if k not in ('arch', 'kwargs', 'dtype', 'params')}
    r['notes'] = r.get('notes', []) + [f"uniform soup (weight average) of {', '.join(map(str, ps))}"]
    print(save_model(m, out, int8=recs[0]['dtype'] == 'int8', **r))

if __name__ == '__main__': main(*sys.argv[1:])
