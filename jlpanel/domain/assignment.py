"""Assigning experts to platforms (issue 4, DESIGN §5 "Minimum coverage").

Two modes:

* **every** (the default): each expert scores every platform they have no conflict with;
* **N per platform**: each platform gets ``N`` conflict-free experts and the experts' loads
  are as even as the conflicts allow.

Either way a platform that would have fewer than the minimum of conflict-free experts (3 by
default: a result needs 3 valid scores) refuses the whole plan, naming every such platform.

Balancing works in two steps. A greedy pass gives each platform, most constrained first, the
``N`` allowed experts with the lowest load so far (ties in the order given). Then loads are
evened out by moving one platform at a time along a chain of experts (the expert with load
``L`` hands a platform to one who takes it, … until an expert with load ≤ ``L - 2`` gains one),
until no such chain exists. The load vectors of these plans form an M-convex set, so a plan
without such a chain is "decreasingly minimal": its highest load is as low as any plan's and
its lowest load as high, hence max − min ≤ 1 whenever any plan achieves that.
Everything is deterministic: the same input gives the same plan.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from jlpanel.domain.conflicts import ConflictFinding, Key

#: A result needs this many valid, conflict-free scores (DESIGN §5).
DEFAULT_MIN_PER_PLATFORM = 3


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A platform without enough conflict-free experts."""

    platform_key: Key
    available: int  # conflict-free experts on the roster
    required: int


class AssignmentError(ValueError):
    """The plan is refused: ``shortfalls`` lists every platform with too few experts."""

    def __init__(self, shortfalls: Sequence[Shortfall]) -> None:
        self.shortfalls = tuple(shortfalls)
        listed = ", ".join(
            f"{s.platform_key}: {s.available} of {s.required}" for s in self.shortfalls
        )
        super().__init__(
            f"too few conflict-free experts for {len(self.shortfalls)} platform(s): {listed}"
        )


@dataclass(frozen=True, slots=True)
class AssignmentPlan:
    """Which experts score which platform."""

    #: None when every expert scores every platform they have no conflict with.
    per_platform: int | None
    #: Platform key → its experts, in the order the experts were given.
    experts_by_platform: Mapping[Key, tuple[Key, ...]]
    #: Expert key → how many platforms they score (0 for an expert with none).
    loads: Mapping[Key, int]

    def pairs(self) -> list[tuple[Key, Key]]:
        """(expert, platform) pairs, by platform then expert, in the order given."""
        return [(e, p) for p, experts in self.experts_by_platform.items() for e in experts]

    @property
    def size(self) -> int:
        """The number of (expert, platform) assignments."""
        return sum(len(e) for e in self.experts_by_platform.values())

    @property
    def load_spread(self) -> int:
        """The highest load minus the lowest (0 when there are no experts)."""
        return max(self.loads.values()) - min(self.loads.values()) if self.loads else 0


def _pairs(conflicts: Iterable[ConflictFinding | tuple[Key, Key]]) -> set[tuple[Key, Key]]:
    out: set[tuple[Key, Key]] = set()
    for c in conflicts:
        if isinstance(c, ConflictFinding):
            out.add((c.expert_key, c.platform_key))
        else:
            out.add((c[0], c[1]))
    return out


def conflict_free_experts(
    experts: Sequence[Key],
    platforms: Sequence[Key],
    conflicts: Iterable[ConflictFinding | tuple[Key, Key]],
) -> dict[Key, tuple[Key, ...]]:
    """Platform key → the experts without a conflict with it, in the order given."""
    conflicted = _pairs(conflicts)
    return {p: tuple(e for e in experts if (e, p) not in conflicted) for p in platforms}


def assign(
    experts: Sequence[Key],
    platforms: Sequence[Key],
    conflicts: Iterable[ConflictFinding | tuple[Key, Key]],
    *,
    per_platform: int | None = None,
    min_per_platform: int = DEFAULT_MIN_PER_PLATFORM,
) -> AssignmentPlan:
    """A plan giving every platform conflict-free experts, or :class:`AssignmentError`.

    ``conflicts`` are findings or (expert, platform) pairs. With ``per_platform=None`` every
    expert scores every platform they have no conflict with; with ``N`` each platform gets
    ``N`` experts and loads are balanced (see the module docstring). Refused when a platform
    has fewer than ``max(min_per_platform, N)`` conflict-free experts. ``ValueError`` for
    repeated keys or ``N`` below ``min_per_platform``.
    """
    if len(set(experts)) != len(experts):
        raise ValueError("expert keys must be unique")
    if len(set(platforms)) != len(platforms):
        raise ValueError("platform keys must be unique")
    if min_per_platform < 1:
        raise ValueError(f"min_per_platform must be at least 1, not {min_per_platform}")
    if per_platform is not None and per_platform < min_per_platform:
        raise ValueError(
            f"per_platform ({per_platform}) is below the minimum of {min_per_platform} "
            "experts per platform"
        )
    allowed = conflict_free_experts(experts, platforms, conflicts)
    required = max(min_per_platform, per_platform or 0)
    shortfalls = [
        Shortfall(p, len(allowed[p]), required) for p in platforms if len(allowed[p]) < required
    ]
    if shortfalls:
        raise AssignmentError(shortfalls)

    if per_platform is None:
        chosen = {p: set(allowed[p]) for p in platforms}
    else:
        chosen = _greedy(experts, platforms, allowed, per_platform)
        _rebalance(experts, platforms, allowed, chosen)

    order = {e: i for i, e in enumerate(experts)}
    by_platform = {p: tuple(sorted(chosen[p], key=order.__getitem__)) for p in platforms}
    loads = dict.fromkeys(experts, 0)
    for members in by_platform.values():
        for e in members:
            loads[e] += 1
    return AssignmentPlan(per_platform, by_platform, loads)


def _greedy(
    experts: Sequence[Key],
    platforms: Sequence[Key],
    allowed: Mapping[Key, tuple[Key, ...]],
    per_platform: int,
) -> dict[Key, set[Key]]:
    """Most constrained platform first, each takes the least-loaded allowed experts."""
    order = {e: i for i, e in enumerate(experts)}
    load = dict.fromkeys(experts, 0)
    chosen: dict[Key, set[Key]] = {}
    by_constraint = sorted(range(len(platforms)), key=lambda i: (len(allowed[platforms[i]]), i))
    for index in by_constraint:
        platform = platforms[index]
        picks = sorted(allowed[platform], key=lambda e: (load[e], order[e]))[:per_platform]
        chosen[platform] = set(picks)
        for e in picks:
            load[e] += 1
    return chosen


def _rebalance(
    experts: Sequence[Key],
    platforms: Sequence[Key],
    allowed: Mapping[Key, tuple[Key, ...]],
    chosen: dict[Key, set[Key]],
) -> None:
    """Move platforms along chains of experts until no load can drop by evening out."""
    order = {e: i for i, e in enumerate(experts)}
    allowed_sets = {p: set(allowed[p]) for p in platforms}
    load = dict.fromkeys(experts, 0)
    holds: dict[Key, list[Key]] = {e: [] for e in experts}  # expert → platforms, in order
    for p in platforms:
        for e in chosen[p]:
            load[e] += 1
            holds[e].append(p)

    while True:
        moved = False
        # The most loaded experts first; each search is a BFS over "hand one platform on".
        for start in sorted(experts, key=lambda e: (-load[e], order[e])):
            path = _chain_to_lighter(start, load, holds, chosen, allowed_sets, allowed, order)
            if path is None:
                continue
            for giver, platform, taker in path:
                chosen[platform].discard(giver)
                chosen[platform].add(taker)
                holds[giver].remove(platform)
                holds[taker].append(platform)
                holds[taker].sort(key=platforms.index)
            load[path[0][0]] -= 1
            load[path[-1][2]] += 1
            moved = True
            break
        if not moved:
            return


def _chain_to_lighter(
    start: Key,
    load: Mapping[Key, int],
    holds: Mapping[Key, list[Key]],
    chosen: Mapping[Key, set[Key]],
    allowed_sets: Mapping[Key, set[Key]],
    allowed: Mapping[Key, tuple[Key, ...]],
    order: Mapping[Key, int],
) -> list[tuple[Key, Key, Key]] | None:
    """The shortest chain of (giver, platform, taker) from ``start`` to a lighter expert.

    The chain ends at the least-loaded reachable expert whose load is at most
    ``load[start] - 2``; None when there is none. A shortest chain never uses a platform
    twice, so applying its moves in order is valid.
    """
    target_load = load[start] - 2
    if target_load < 0:
        return None
    parent: dict[Key, tuple[Key, Key]] = {}  # taker → (giver, platform)
    seen = {start}
    queue = deque([start])
    reached: list[Key] = []
    while queue:
        giver = queue.popleft()
        for platform in holds[giver]:
            members = chosen[platform]
            for taker in allowed[platform]:
                if taker in seen or taker in members or taker not in allowed_sets[platform]:
                    continue
                seen.add(taker)
                parent[taker] = (giver, platform)
                queue.append(taker)
                if load[taker] <= target_load:
                    reached.append(taker)
    if not reached:
        return None
    end = min(reached, key=lambda e: (load[e], order[e]))
    path: list[tuple[Key, Key, Key]] = []
    node = end
    while node != start:
        giver, platform = parent[node]
        path.append((giver, platform, node))
        node = giver
    path.reverse()
    return path
