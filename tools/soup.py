"""Average the weights of networks of one architecture (a "model soup") into a new weight file, for compare_candidates.py.

Usage: python tools/soup.py OUT.pt a.pt b.pt [...]   (weight files or shipped names; int8 storage when the first is int8)
The JSON record beside OUT names the ingredients; training fields are the first ingredient's.
"""
import sys
from deblur_nb.models import load_model, model_record, save_model

def main(out, *ingredients):
    recs = [model_record(p) for p in ingredients]   # weight files or shipped names, as `load_model` takes them
    if len({(r['arch'], str(r['kwargs'])) for r in recs}) > 1: raise SystemExit('soup: the weights are of different architectures')
    ms = [load_model(p) for p in ingredients]
    sds = [m.state_dict() for m in ms]
    ms[0].load_state_dict({k: sum(sd[k] for sd in sds) / len(sds) if v.is_floating_point() else v for k, v in sds[0].items()})
    r = {k: v for k, v in recs[0].items() if k not in ('arch', 'kwargs', 'dtype', 'params')}
    r['notes'] = r.get('notes', []) + [f"uniform soup (weight average) of {', '.join(ingredients)}"]
    print(save_model(ms[0], out, int8=recs[0]['dtype'] == 'int8', **r))

if __name__ == '__main__': main(*sys.argv[1:])
