"""The dips that turn down a long show's frames over the true-peak target (`overshoot.py`)."""

from __future__ import annotations

import itertools

import numpy as np

from mkdocs_convaudio.audio.overshoot import RAMP, Dips


def test_a_dip_is_the_same_whatever_the_blocks_and_ramps_without_a_step() -> None:
    """The limiter hands the dips blocks of any size: a dip must not depend on where they are cut, must hold its
    gain over its span and leave the rest alone, and must go down and come back without a step (a click)."""
    rate = 24_000
    dips = Dips(rate)
    dips.add([(10_000, 11_728, 0.5), (11_000, 12_000, 0.7)])  # overlapping: the deepest holds
    dips.add([(30_000, 31_000, 0.8)])
    ones = np.ones(40_000, dtype=np.float32)
    whole = dips.apply(0, ones)
    cuts = [0, 1, 9_999, 10_100, 10_101, 11_500, 29_990, 30_500, 40_000]
    pieces = np.concatenate([dips.apply(a, ones[a:b]) for a, b in itertools.pairwise(cuts)])
    np.testing.assert_array_equal(pieces, whole)
    ramp = int(RAMP * rate)
    assert np.all(whole[10_000:11_728] == np.float32(0.5)) and np.all(whole[11_728 + ramp : 12_000] == np.float32(0.7))
    assert np.all(whole[11_000:12_000] <= np.float32(0.7)) and np.all(whole[30_000:31_000] == np.float32(0.8))
    assert np.all(whole[: 10_000 - ramp] == 1) and np.all(whole[12_000 + ramp : 30_000 - ramp] == 1)
    assert np.all(whole[31_000 + ramp :] == 1)
    # no faster than a raised cosine over 5 ms, which moves at most (1 - gain) * pi / 2 per 5 ms, per sample
    assert float(np.abs(np.diff(whole)).max()) <= 0.5 * np.pi / 2 / (0.005 * rate)
