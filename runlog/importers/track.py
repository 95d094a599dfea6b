"""Distance, moving time, climb and terrain from a series of track points, in one pass.

Elevation: GPS altitude wanders by metres from one second to the next, and summing every rise
would invent hundreds of metres of climb on a flat route. `Track` runs a zig-zag (hysteresis)
filter instead: a climb or a descent counts only once the profile has turned back by more than
`ELEVATION_HYSTERESIS_M` from its highest (or lowest) point, and then it counts whole, from
the previous turning point to this one. Noise that stays within the band adds nothing (a flat
route with ±2 m of noise climbs 0 m); a real 100 m climb counts about 100 m (plus at most the
noise at its two ends).

Before that filter, impossible jumps are taken out: a change of altitude between two samples
larger than `ELEVATION_JUMP_M` plus `MAX_VERTICAL_SPEED_MPS` times the seconds between them (or
`UNTIMED_ELEVATION_JUMP_M` when a sample has no time) is not a climb or a descent but a glitch:
a placeholder `<ele>0.0</ele>` in a track at 300 m, a spike, an altimeter re-calibrated. The
jump is skipped and the profile goes on from the new level, so a block of placeholder zeros (or
a spike) adds nothing, and neither does a one-off step. 2 m/s is generous: a vertical-kilometre
race climbs about 0.5 m/s and the fastest mountain descents about 1.5 m/s; 10 m more lets
ordinary GPS altitude noise through to the hysteresis filter, which deals with it.

Time: points whose time goes back are dropped before they reach `Track` (see `in_time_order`):
the most points are kept whose times never go back, so a clock that stutters backwards
thousands of times, or one wrong time at the start, costs only the points out of order. A
`Track` itself never lets a time that goes back reset its clock, so its moving time is never
more than its elapsed time, and its elapsed time is the span of the times it kept.

Terrain from the profile, in metres of climb per kilometre (see `classify_terrain`):
  - "trail" when the file says trail running, whatever the profile;
  - "downhill" when the descent clearly exceeds the climb on a long descent: at least
    `DOWNHILL_LOSS_TO_GAIN` times the climb, at least `DOWNHILL_MIN_NET_LOSS_M` net, and at least
    `DOWNHILL_MIN_LOSS_M_PER_KM` per km;
  - "flat" under `FLAT_MAX_GAIN_M_PER_KM` (under 50 m of climb on a 10 km run);
  - "rolling" under `ROLLING_MAX_GAIN_M_PER_KM` (under 150 m on 10 km);
  - "hilly" from there up;
  - "" (unknown) when there is no elevation or the run is under `TERRAIN_MIN_DISTANCE_M`.
"""

from __future__ import annotations

from bisect import bisect_right
from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_M = 6_371_008.8  # the mean radius
# A step slower than this (1.8 km/h) is standing still: GPS drift at a red light, or the gap
# over an auto-pause. It counts in the elapsed time but not the moving time.
MOVING_SPEED_MPS = 0.5
ELEVATION_HYSTERESIS_M = 5.0
# A change of altitude beyond ELEVATION_JUMP_M + MAX_VERTICAL_SPEED_MPS x seconds between two
# samples is a glitch, not a climb (see the module's docstring).
ELEVATION_JUMP_M = 10.0
MAX_VERTICAL_SPEED_MPS = 2.0
UNTIMED_ELEVATION_JUMP_M = 50.0

FLAT_MAX_GAIN_M_PER_KM = 5.0
ROLLING_MAX_GAIN_M_PER_KM = 15.0
DOWNHILL_LOSS_TO_GAIN = 2.0
DOWNHILL_MIN_NET_LOSS_M = 100
DOWNHILL_MIN_LOSS_M_PER_KM = 10.0
TERRAIN_MIN_DISTANCE_M = 1000

_TWO_R = 2 * EARTH_RADIUS_M


class Track:
    """Feed points in order with `add`; call `new_segment` at a break (a GPX <trkseg>).

    Afterwards: `gps_distance_m` (great-circle, within segments), `device_distance_m` (the last
    cumulative distance the device wrote, 0 when none), `moving_s`, `first_time`/`last_time`
    (POSIX seconds), `points`, and `elevation()` -> (gain, loss) or (None, None).
    """

    __slots__ = (
        "gps_distance_m",
        "device_distance_m",
        "moving_s",
        "first_time",
        "last_time",
        "points",
        "positions",
        "_phi",
        "_lam",
        "_cos_phi",
        "_t",
        "_dist",
        "_trend",
        "_base",
        "_ext",
        "_lo",
        "_hi",
        "_gain",
        "_loss",
        "_elevations",
        "_ele_raw",
        "_ele_t",
        "_ele_offset",
        "elevation_jumps",
    )

    def __init__(self):
        self.gps_distance_m = 0.0
        self.device_distance_m = 0.0
        self.moving_s = 0.0
        self.first_time: float | None = None
        self.last_time: float | None = None
        self.points = 0
        self.positions = 0
        self._phi = None
        self._lam = 0.0
        self._cos_phi = 0.0
        self._t = None
        self._dist = None
        self._trend = 0
        self._base = self._ext = self._lo = self._hi = 0.0
        self._gain = 0.0
        self._loss = 0.0
        self._elevations = 0
        self._ele_raw = 0.0  # the last altitude as the file wrote it
        self._ele_t: float | None = None  # and its time
        self._ele_offset = 0.0  # what the jumps skipped so far add up to
        self.elevation_jumps = 0

    def new_segment(self) -> None:
        """No distance or moving time is counted across the gap to the next point."""
        self._phi = None
        self._t = None
        self._dist = None

    def add(self, lat, lon, t, ele, dist=None) -> None:
        """One point: degrees, POSIX seconds, metres, and the device's cumulative metres.

        Any of them may be None (no fix, no clock, no altimeter).
        """
        self.points += 1
        step = None
        if lat is not None and lon is not None:
            self.positions += 1
            phi = radians(lat)
            lam = radians(lon)
            cos_phi = cos(phi)
            if self._phi is not None:
                a = sin((phi - self._phi) * 0.5)
                b = sin((lam - self._lam) * 0.5)
                h = a * a + cos_phi * self._cos_phi * b * b
                step = _TWO_R * asin(sqrt(h if h < 1.0 else 1.0))
                self.gps_distance_m += step
            self._phi = phi
            self._lam = lam
            self._cos_phi = cos_phi
        if dist is not None:
            if self._dist is not None and dist >= self._dist:
                step = dist - self._dist
            self._dist = dist
            if dist > self.device_distance_m:
                self.device_distance_m = dist
        if t is not None and self.last_time is not None and t < self.last_time:
            t = None  # back in time: never reset the clock (callers drop such points first)
        if t is not None:
            if self.first_time is None:
                self.first_time = t
            if self._t is not None and step is not None:
                dt = t - self._t
                if dt > 0 and step >= MOVING_SPEED_MPS * dt:
                    self.moving_s += dt
            self._t = t
            if self.last_time is None or t > self.last_time:
                self.last_time = t
        if ele is not None:
            self.add_elevation(ele, t)

    def add_elevation(self, e: float, t: float | None = None) -> None:
        """One altitude sample (and its time, if known): a jump no runner can make is skipped,
        then the zig-zag filter (see the module's docstring)."""
        if self._elevations:
            jump = e - self._ele_raw
            if t is not None and self._ele_t is not None:
                allowed = ELEVATION_JUMP_M + MAX_VERTICAL_SPEED_MPS * abs(t - self._ele_t)
            else:
                allowed = UNTIMED_ELEVATION_JUMP_M
            self._ele_raw = e
            if t is not None:
                self._ele_t = t
            if abs(jump) > allowed:
                self.elevation_jumps += 1
                self._ele_offset -= jump
                return
            e += self._ele_offset
        else:
            self._ele_raw = e
            self._ele_t = t
        self._hysteresis(e)

    def _hysteresis(self, e: float) -> None:
        if self._elevations == 0:
            self._base = self._ext = self._lo = self._hi = e
            self._elevations = 1
            return
        self._elevations += 1
        trend = self._trend
        if trend > 0:
            if e > self._ext:
                self._ext = e
            elif self._ext - e > ELEVATION_HYSTERESIS_M:
                self._gain += self._ext - self._base
                self._base = self._ext
                self._ext = e
                self._trend = -1
        elif trend < 0:
            if e < self._ext:
                self._ext = e
            elif e - self._ext > ELEVATION_HYSTERESIS_M:
                self._loss += self._base - self._ext
                self._base = self._ext
                self._ext = e
                self._trend = 1
        else:
            # No direction yet: wait until the profile leaves the band it started in.
            if e < self._lo:
                self._lo = e
            elif e > self._hi:
                self._hi = e
            if e - self._lo > ELEVATION_HYSTERESIS_M:
                self._base, self._ext, self._trend = self._lo, e, 1
            elif self._hi - e > ELEVATION_HYSTERESIS_M:
                self._base, self._ext, self._trend = self._hi, e, -1

    def elevation(self) -> tuple[float | None, float | None]:
        """(gain, loss) in metres, the last climb or descent included; None without altitudes."""
        if self._elevations < 2:
            return None, None
        gain, loss = self._gain, self._loss
        if self._trend > 0:
            gain += self._ext - self._base
        elif self._trend < 0:
            loss += self._base - self._ext
        return gain, loss

    @property
    def elapsed_s(self) -> float | None:
        if self.first_time is None or self.last_time is None:
            return None
        return self.last_time - self.first_time


def in_time_order(times: list[float | None]) -> list[bool] | None:
    """Which points to keep so that their times never go back, or None when none does.

    The kept points are the longest sequence whose times never decrease (points without a time
    are always kept), so a few stray times cost only themselves, whether they jump back or
    forward. O(n log n); one pass when the times are in order.
    """
    last = None
    for t in times:
        if t is not None:
            if last is not None and t < last:
                break
            last = t
    else:
        return None
    tails: list[float] = []  # the smallest last time of a kept sequence of each length
    ends: list[int] = []  # and the index of that last point
    before = [-1] * len(times)
    for i, t in enumerate(times):
        if t is None:
            continue
        k = bisect_right(tails, t)
        before[i] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(t)
            ends.append(i)
        else:
            tails[k] = t
            ends[k] = i
    keep = [t is None for t in times]
    i = ends[-1]
    while i >= 0:
        keep[i] = True
        i = before[i]
    return keep


def dropped_warning(dropped: int) -> str:
    return (
        f"The file's clock went back in time: {dropped:,} track point"
        f"{'s' if dropped != 1 else ''} out of time order "
        f"{'were' if dropped != 1 else 'was'} left out, so no time is counted twice."
    )


def elevation_of(elevations) -> tuple[float | None, float | None]:
    """Smoothed (gain, loss) of a plain sequence of altitudes (None entries ignored)."""
    profile = Track()
    for e in elevations:
        if e is not None:
            profile.add_elevation(e)
    return profile.elevation()


def classify_terrain(
    distance_m: float, gain_m: float | None, loss_m: float | None, *, trail: bool = False
) -> str:
    """A `runlog.choices.Terrain` value from the climb per km; see the module's docstring."""
    if trail:
        return "trail"
    if gain_m is None or loss_m is None or distance_m < TERRAIN_MIN_DISTANCE_M:
        return ""
    km = distance_m / 1000
    if (
        loss_m >= DOWNHILL_LOSS_TO_GAIN * gain_m
        and loss_m - gain_m >= DOWNHILL_MIN_NET_LOSS_M
        and loss_m / km >= DOWNHILL_MIN_LOSS_M_PER_KM
    ):
        return "downhill"
    per_km = gain_m / km
    if per_km < FLAT_MAX_GAIN_M_PER_KM:
        return "flat"
    if per_km < ROLLING_MAX_GAIN_M_PER_KM:
        return "rolling"
    return "hilly"


def running_cadence_spm(value: float | None, *, strides: bool | None = None) -> float | None:
    """Steps per minute from a cadence a file wrote.

    FIT (and Garmin's TCX RunCadence) store strides per minute, one foot's steps: doubled.
    GPX's gpxtpx:cad does not say which: a running average under 120 can only be strides
    (nobody runs at under 120 steps a minute), so it is doubled; `strides=None` asks for that
    guess.
    """
    if value is None or value <= 0:
        return None
    if strides is None:
        strides = value < 120
    return value * 2 if strides else value


def mean(total: float, count: int) -> float | None:
    return total / count if count else None
