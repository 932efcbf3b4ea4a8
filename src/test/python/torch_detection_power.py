"""Detection power of torch.autograd.gradcheck: the yardstick for DetectionPowerBenchmark.

Same model as src/test/python/torch_mlp_gradcheck.py: MLP 20-50-10, batch 8, ReLU hidden layer,
softmax cross-entropy, float64, 1,560 parameters, one thread. For each seed, two entries of the
gradient are drawn once: one uniformly over all 1,560 entries, one uniformly over the entries whose
|g| is above that case's median |g|. A relative error r in {1e-2, ..., 1e-7} is planted into the
entry by a custom autograd Function that is the identity forward and scales that one entry of the
incoming gradient by (1 + r) backward. gradcheck runs with its defaults (eps 1e-6, atol 1e-5,
rtol 1e-3) in full mode and in fast_mode. Each seed's correct model is checked too: a failure there
is a false alarm (a ReLU pre-activation within eps of 0), reported with the seed.

gradcheck only says pass or fail, so "detected" here means "the planted model fails"; on a seed
whose correct model already fails this is not a detection, and such seeds are reported apart.

Set-up on Debian: apt-get install -y python3-torch ; run with
    /usr/bin/python3 src/test/python/torch_detection_power.py [seeds, default 60]
"""
import random
import sys
import time

import torch
import torch.nn.functional as F
from torch.autograd import gradcheck

ERRORS = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7]
DRAWS = ["any entry", "|g| > median"]
MODES = [("gradcheck", False), ("gradcheck fast_mode", True)]
D, H, C, B = 20, 50, 10, 8
DT = torch.float64
ATOL, RTOL, EPS = 1e-5, 1e-3, 1e-6


def make_case(seed):
    torch.manual_seed(seed)
    x = torch.randn(B, D, dtype=DT)
    y = torch.randint(0, C, (B,))
    params = (
        (torch.randn(D, H, dtype=DT) * 0.3).requires_grad_(),
        (torch.randn(H, dtype=DT) * 0.1).requires_grad_(),
        (torch.randn(H, C, dtype=DT) * 0.3).requires_grad_(),
        (torch.randn(C, dtype=DT) * 0.1).requires_grad_(),
    )
    return x, y, params


def plant(tensor_index, flat_index, r):
    """The identity on parameter tensor_index whose backward scales one gradient entry by 1 + r."""

    class Plant(torch.autograd.Function):
        @staticmethod
        def forward(ctx, t):
            return t.clone()

        @staticmethod
        def backward(ctx, grad):
            g = grad.clone()
            g.view(-1)[flat_index] *= 1 + r
            return g

    return Plant.apply


def loss_fn(x, y, wrap=None):
    def loss(w1, b1, w2, b2):
        ps = [w1, b1, w2, b2]
        if wrap is not None:
            k, f = wrap
            ps[k] = f(ps[k])
        w1, b1, w2, b2 = ps
        return F.cross_entropy(torch.relu(x @ w1 + b1) @ w2 + b2, y)

    return loss


def check(fn, params, fast):
    return gradcheck(fn, params, eps=EPS, atol=ATOL, rtol=RTOL, raise_exception=False,
                     fast_mode=fast)


def kink_distance(x, params):
    """min |z[n][j]| / max_i |x[n][i]|: how close a ReLU is to flipping, in units of w1 steps."""
    w1, b1 = params[0].detach(), params[1].detach()
    z = x @ w1 + b1
    return (z.abs() / x.abs().max(dim=1, keepdim=True).values).min().item(), z.abs().min().item()


def run_seed(seed):
    x, y, params = make_case(seed)
    loss = loss_fn(x, y)
    grads = torch.autograd.grad(loss(*params), params)
    flat = torch.cat([g.reshape(-1) for g in grads]).abs()
    sizes = [p.numel() for p in params]
    median = flat.median().item()
    above = [i for i in range(flat.numel()) if flat[i].item() > median]
    rng = random.Random(0x9E3779B9 ^ seed)
    drawn = [rng.randrange(flat.numel()), above[rng.randrange(len(above))]]

    result = {"seed": seed, "clean": {}, "detected": {}, "predicted": {}, "magnitude": [],
              "all": flat.tolist()}
    for mode, fast in MODES:
        result["clean"][mode] = check(loss, params, fast)
    for d, e in enumerate(drawn):
        k, i = 0, e
        while i >= sizes[k]:
            i -= sizes[k]
            k += 1
        g = flat[e].item()
        result["magnitude"].append(g)
        for r in ERRORS:
            planted = loss_fn(x, y, (k, plant(k, i, r)))
            for mode, fast in MODES:
                result["detected"][(mode, d, r)] = not check(planted, params, fast)
            result["predicted"][(d, r)] = r * g > ATOL + RTOL * g
    result["kink"] = kink_distance(x, params)
    return result


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    torch.set_num_threads(1)
    t0 = time.perf_counter()
    results = [run_seed(s) for s in range(1, seeds + 1)]
    seconds = time.perf_counter() - t0
    n = len(results)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, seeds 1..{n}, "
          f"eps {EPS}, atol {ATOL}, rtol {RTOL}, {seconds:.1f} s")
    everything = sorted(g for r in results for g in r["all"])
    q = [everything[int(f * (len(everything) - 1))] for f in (0.1, 0.25, 0.5, 0.75, 0.9)]
    print(f"|g| over all {len(everything):,} entries: {sum(1 for g in everything if g == 0)} exactly 0;"
          f" quantiles 10% {q[0]:.1e}, 25% {q[1]:.1e}, 50% {q[2]:.1e}, 75% {q[3]:.1e},"
          f" 90% {q[4]:.1e}, max {everything[-1]:.1e}")
    for mode, _ in MODES:
        bad = [r["seed"] for r in results if not r["clean"][mode]]
        print(f"false alarms, {mode}: {len(bad)} of {n} seeds {bad}")
        for r in results:
            if r["seed"] in bad:
                print(f"  seed {r['seed']}: min |z| / max|x| = {r['kink'][0]:.2e}, "
                      f"min |z| = {r['kink'][1]:.2e}")
    for d, draw in enumerate(DRAWS):
        mags = sorted(r["magnitude"][d] for r in results)
        print(f"\nDetection rate, planted entry drawn from {draw} ({n} seeds; drawn |g| median "
              f"{mags[len(mags) // 2]:.1e}, min {mags[0]:.1e}); in brackets: predicted by "
              f"r|g| > atol + rtol|g|")
        print(f"{'r':<6}  " + "  ".join(f"{m:<22}" for m, _ in MODES)
              + "  seeds failing only because the correct model fails")
        for r in ERRORS:
            cells = []
            for mode, _ in MODES:
                hit = sum(1 for s in results if s["detected"][(mode, d, r)] and s["clean"][mode])
                cells.append(f"{100 * hit / n:5.1f}%")
            pred = sum(1 for s in results if s["predicted"][(d, r)])
            cells[0] += f" ({100 * pred / n:5.1f}%)"
            anyway = [sum(1 for s in results if s["detected"][(m, d, r)] and not s["clean"][m])
                      for m, _ in MODES]
            print(f"{r:<6.0e}  " + "  ".join(f"{c:<22}" for c in cells) + f"  {anyway}")


if __name__ == "__main__":
    main()
