"""Assigning experts: every conflict-free pair, or N per platform with balanced load."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.assignment import (
    AssignmentError,
    AssignmentPlan,
    Shortfall,
    _greedy,
    assign,
    conflict_free_experts,
)
from jlpanel.domain.conflicts import ConflictFinding, ConflictSource, Key
from jlpanel.domain.text import Text

EXPERTS = ["甲", "乙", "丙", "丁", "戊"]
PLATFORMS = ["P1", "P2", "P3"]


def test_default_every_expert_scores_every_conflict_free_platform() -> None:
    conflicts = [("甲", "P1"), ("乙", "P2")]
    plan = assign(EXPERTS, PLATFORMS, conflicts)
    assert plan.per_platform is None
    assert plan.experts_by_platform == {
        "P1": ("乙", "丙", "丁", "戊"),
        "P2": ("甲", "丙", "丁", "戊"),
        "P3": ("甲", "乙", "丙", "丁", "戊"),
    }
    assert plan.loads == {"甲": 2, "乙": 2, "丙": 3, "丁": 3, "戊": 3}
    assert plan.size == 13
    assert ("甲", "P1") not in plan.pairs()


def test_conflict_findings_are_accepted_like_pairs() -> None:
    finding = ConflictFinding("甲", "P1", ConflictSource.ROSTER, Text("理由", "reason"))
    assert "甲" not in assign(EXPERTS, PLATFORMS, [finding]).experts_by_platform["P1"]


def test_n_per_platform_without_conflicts_balances_exactly() -> None:
    platforms = [f"P{i}" for i in range(7)]
    plan = assign(EXPERTS, platforms, [], per_platform=3)
    assert all(len(e) == 3 for e in plan.experts_by_platform.values())
    assert sorted(plan.loads.values()) == [4, 4, 4, 4, 5]  # 21 reviews over 5 experts
    assert plan.load_spread == 1


def test_refusal_names_every_short_platform_with_its_count() -> None:
    conflicts = [("甲", "P1"), ("乙", "P1"), ("丙", "P1"), ("甲", "P3"), ("乙", "P3")]
    with pytest.raises(AssignmentError) as caught:
        assign(EXPERTS, PLATFORMS, conflicts, per_platform=4)
    assert caught.value.shortfalls == (Shortfall("P1", 2, 4), Shortfall("P3", 3, 4))
    with pytest.raises(AssignmentError) as caught:
        assign(EXPERTS, PLATFORMS, conflicts)
    assert caught.value.shortfalls == (Shortfall("P1", 2, 3),)
    assert "P1: 2 of 3" in str(caught.value)


def test_n_below_the_minimum_and_repeated_keys_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="below the minimum"):
        assign(EXPERTS, PLATFORMS, [], per_platform=2)
    with pytest.raises(ValueError, match="unique"):
        assign(["甲", "甲", "乙"], PLATFORMS, [])
    with pytest.raises(ValueError, match="unique"):
        assign(EXPERTS, ["P1", "P1"], [])
    with pytest.raises(ValueError, match="at least 1"):
        assign(EXPERTS, PLATFORMS, [], min_per_platform=0)


def test_a_lower_minimum_allows_smaller_panels() -> None:
    plan = assign(["甲", "乙"], ["P1"], [], per_platform=1, min_per_platform=1)
    assert plan.experts_by_platform == {"P1": ("甲",)}
    assert plan.loads == {"甲": 1, "乙": 0}


def test_the_plan_is_deterministic() -> None:
    conflicts = [("甲", "P2"), ("丁", "P1")]
    platforms = [f"P{i}" for i in range(1, 9)]
    plans = {repr(assign(EXPERTS, platforms, conflicts, per_platform=3)) for _ in range(5)}
    assert len(plans) == 1


def test_rebalancing_fixes_what_greedy_leaves_uneven() -> None:
    # Greedy, most constrained platform first, leaves 乙 with three platforms and 丁, 戊 with
    # one; handing platforms down chains of experts evens the loads out to 2, 2, 2, 2, 1.
    conflicts = [("丁", "P3"), ("戊", "P2"), ("甲", "P1")]
    greedy = _greedy(EXPERTS, PLATFORMS, conflict_free_experts(EXPERTS, PLATFORMS, conflicts), 3)
    assert [sum(e in chosen for chosen in greedy.values()) for e in EXPERTS] == [2, 3, 2, 1, 1]
    plan = assign(EXPERTS, PLATFORMS, conflicts, per_platform=3)
    assert plan.loads == {"甲": 2, "乙": 2, "丙": 2, "丁": 2, "戊": 1}
    assert not set(plan.pairs()) & set(conflicts)


# --------------------------------------------------------------------------- properties


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[str], list[str], set[tuple[str, str]], int]:
    n_experts = draw(st.integers(1, 7))
    n_platforms = draw(st.integers(1, 6))
    experts = [f"E{i}" for i in range(n_experts)]
    platforms = [f"P{j}" for j in range(n_platforms)]
    density = draw(st.sampled_from([0.0, 0.15, 0.3, 0.6]))
    bits = draw(
        st.lists(
            st.floats(0, 1), min_size=n_experts * n_platforms, max_size=n_experts * n_platforms
        )
    )
    conflicts = {
        (e, p)
        for (e, p), bit in zip(itertools.product(experts, platforms), bits, strict=True)
        if bit < density
    }
    minimum = draw(st.integers(1, 3))
    return experts, platforms, conflicts, minimum


def _check_common(
    plan: AssignmentPlan, experts: list[str], platforms: list[str], conflicts: set[tuple[str, str]]
) -> None:
    assert list(plan.experts_by_platform) == platforms
    assert set(plan.loads) == set(experts)
    assert not set(plan.pairs()) & conflicts
    for p, members in plan.experts_by_platform.items():
        assert len(set(members)) == len(members)
        assert list(members) == [e for e in experts if e in members]  # roster order
        assert all((e, p) not in conflicts for e in members)
    for e in experts:
        assert plan.loads[e] == sum(e in m for m in plan.experts_by_platform.values())


@settings(max_examples=300, deadline=None)
@given(instances())
def test_default_mode_assigns_every_allowed_pair_or_refuses(
    instance: tuple[list[str], list[str], set[tuple[str, str]], int],
) -> None:
    experts, platforms, conflicts, minimum = instance
    allowed = {p: [e for e in experts if (e, p) not in conflicts] for p in platforms}
    short = [p for p in platforms if len(allowed[p]) < minimum]
    try:
        plan = assign(experts, platforms, conflicts, min_per_platform=minimum)
    except AssignmentError as exc:
        assert [s.platform_key for s in exc.shortfalls] == short
        assert all(s.available == len(allowed[s.platform_key]) for s in exc.shortfalls)
        return
    assert not short
    _check_common(plan, experts, platforms, conflicts)
    assert {p: list(m) for p, m in plan.experts_by_platform.items()} == allowed


def _best_spread(
    experts: list[str], platforms: list[str], allowed: dict[str, list[str]], n: int
) -> tuple[int, int]:
    """By brute force: the lowest possible highest load and the highest possible lowest load."""
    best_max, best_min = len(platforms) + 1, -1
    choices = [list(itertools.combinations(allowed[p], n)) for p in platforms]
    for combo in itertools.product(*choices):
        loads = dict.fromkeys(experts, 0)
        for members in combo:
            for e in members:
                loads[e] += 1
        best_max = min(best_max, max(loads.values()))
        best_min = max(best_min, min(loads.values()))
    return best_max, best_min


@settings(max_examples=300, deadline=None)
@given(instances(), st.integers(1, 4))
def test_n_per_platform_is_safe_complete_and_as_balanced_as_possible(
    instance: tuple[list[str], list[str], set[tuple[str, str]], int], extra: int
) -> None:
    experts, platforms, conflicts, minimum = instance
    n = minimum + extra - 1
    allowed = {p: [e for e in experts if (e, p) not in conflicts] for p in platforms}
    short = [p for p in platforms if len(allowed[p]) < n]
    try:
        plan = assign(experts, platforms, conflicts, per_platform=n, min_per_platform=minimum)
    except AssignmentError as exc:
        assert [s.platform_key for s in exc.shortfalls] == short
        assert all(s.required == n for s in exc.shortfalls)
        return
    assert not short
    _check_common(plan, experts, platforms, conflicts)
    assert all(len(m) == n for m in plan.experts_by_platform.values())
    # Brute force where the search space is small: the highest load is as low as any plan
    # can make it and the lowest as high, so max − min ≤ 1 whenever any plan achieves it.
    space = 1
    for p in platforms:
        space *= len(list(itertools.combinations(allowed[p], n)))
    if space <= 5_000:
        best_max, best_min = _best_spread(experts, platforms, allowed, n)
        assert max(plan.loads.values()) == best_max
        assert min(plan.loads.values()) == best_min
    if not conflicts:
        assert plan.load_spread <= 1


def _lowest_possible_max_load(
    experts: Sequence[Key], platforms: Sequence[Key], conflicts: set[tuple[Key, Key]], n: int
) -> int:
    """By max-flow: the smallest cap on every expert's load that still gives each platform n."""

    def feasible(cap: int) -> bool:
        load = dict.fromkeys(experts, 0)
        holder: dict[tuple[Key, int], Key] = {}  # (platform, seat) → expert
        seats = [(p, k) for p in platforms for k in range(n)]

        def augment(seat: tuple[Key, int], seen: set[Key]) -> bool:
            p = seat[0]
            taken = {holder[(p, k)] for k in range(n) if (p, k) in holder}
            for e in experts:
                if (e, p) in conflicts or e in taken or e in seen:
                    continue
                seen.add(e)
                if load[e] < cap:
                    holder[seat] = e
                    load[e] += 1
                    return True
                # e is full: free one of e's seats elsewhere by moving it to another expert.
                for other, owner in list(holder.items()):
                    if owner == e and other[0] != p:
                        del holder[other]
                        load[e] -= 1
                        if augment(other, seen):
                            holder[seat] = e
                            load[e] += 1
                            return True
                        holder[other] = e
                        load[e] += 1
            return False

        return all(augment(seat, set()) for seat in seats)

    cap = 0
    while not feasible(cap):
        cap += 1
    return cap


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 12),
    st.integers(1, 15),
    st.integers(3, 5),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 14)), max_size=50),
)
def test_larger_panels_get_the_lowest_possible_highest_load(
    n_experts: int, n_platforms: int, n: int, raw_conflicts: list[tuple[int, int]]
) -> None:
    experts: list[Key] = list(range(n_experts))
    platforms: list[Key] = [f"P{j}" for j in range(n_platforms)]
    conflicts: set[tuple[Key, Key]] = {
        (e, f"P{p}") for e, p in raw_conflicts if e < n_experts and p < n_platforms
    }
    try:
        plan = assign(experts, platforms, conflicts, per_platform=n)
    except AssignmentError as exc:
        assert [s.platform_key for s in exc.shortfalls] == [
            p for p in platforms if sum((e, p) not in conflicts for e in experts) < n
        ]
        return
    assert not set(plan.pairs()) & conflicts
    assert all(len(m) == n for m in plan.experts_by_platform.values())
    assert max(plan.loads.values()) == _lowest_possible_max_load(experts, platforms, conflicts, n)
