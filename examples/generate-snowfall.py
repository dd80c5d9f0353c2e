#!/usr/bin/env python3
"""Writes examples/snowfall/shots.csv: the shot breakdown of "Nevada Blanca", season 1.

Six episodes of a mid-budget sci-fi series: a deadly snowfall over Buenos Aires and the city's collapse.
The breakdown is seeded, so running this again writes the same file. The show file (show.yaml) is written by
hand; this script reads its bid template and rate card only to print what the season would cost done
traditionally, so budgets can be set where planning is interesting (over budget unless some shots go to AI).

    python3 examples/generate-snowfall.py          # writes examples/snowfall/shots.csv, prints the estimate
"""
import csv
import datetime as dt
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "snowfall", "shots.csv")
SHOW = os.path.join(HERE, "snowfall", "show.yaml")

rng = random.Random(20270201)

EPISODES = [  # code, shots, first plate turnover, weeks of turnovers
    ("EP101", 72, dt.date(2027, 2, 1), 6),
    ("EP102", 66, dt.date(2027, 2, 22), 6),
    ("EP103", 70, dt.date(2027, 3, 15), 6),
    ("EP104", 64, dt.date(2027, 4, 5), 6),
    ("EP105", 78, dt.date(2027, 4, 26), 6),
    ("EP106", 74, dt.date(2027, 5, 17), 6),
]

PLACES = ["Avenida 9 de Julio", "the Obelisco", "Corrientes", "Plaza de Mayo", "the Casa Rosada", "Puerto Madero",
          "Puente de la Mujer", "Caminito", "the Riachuelo", "San Telmo", "Palermo woods", "the Costanera",
          "Subte line A", "Retiro station", "the Congreso", "Teatro Colon", "Torre Monumental", "Recoleta",
          "the stadium", "Autopista 25 de Mayo", "General Paz", "the Tigre delta", "Vicente Lopez", "Barracas"]
PEOPLE = ["Tomas", "Ines", "Ferrante", "Nico", "Sara", "Don Alfredo", "Lucia", "the Sergeant"]

# work type: (share of shots, complexity weights {c: w}, frame range, description templates)
WORK = {
    "cleanup": (0.17, {1: 3, 2: 5, 3: 2}, (48, 160), [
        "Paint out rigs and crew reflections in {place}", "Remove modern signage at {place}",
        "Paint out tracking markers on {person}'s mask", "Wire removal, {person} thrown by the wind",
        "Clean up snow-machine hoses at {place}", "Remove dolly track in the drift at {place}"]),
    "roto": (0.13, {1: 2, 2: 5, 3: 3}, (48, 180), [
        "Roto {person} for the snow pass", "Roto crowd fleeing {place}", "Roto {person} behind the frosted window",
        "Hair roto of {person} in the blizzard", "Roto of the convoy at {place}"]),
    "sky_replacement": (0.11, {1: 3, 2: 5, 3: 2}, (60, 200), [
        "Replace blue sky with the storm front over {place}", "Night sky with the strange lights over {place}",
        "Overcast sky, sun disc gone, {place}", "Sky replacement through the skylight, {place}"]),
    "snow_atmos": (0.17, {2: 3, 3: 5, 4: 2}, (72, 220), [
        "Falling toxic snow over {place}", "Snow drift building against the door, {place}",
        "Breath and snow flurries for {person}", "Snowfall and haze in the wide of {place}",
        "Flakes settling on {person}'s visor", "Blizzard whiteout on {place}"]),
    "set_extension": (0.09, {2: 2, 3: 5, 4: 3}, (80, 240), [
        "Frozen skyline extension behind {place}", "Abandoned traffic buried in snow on {place}",
        "Extend the barricade and trenches at {place}", "Collapsed overpass extension, {place}"]),
    "destruction": (0.07, {3: 3, 4: 5, 5: 2}, (90, 260), [
        "Roof gives way under the snow at {place}", "Facade collapse on {place}",
        "Tower crumbles in the distance, seen from {place}", "Bridge section falls into the water, {place}",
        "Bus crushed by falling debris on {place}"]),
    "crowd": (0.07, {3: 6, 4: 4}, (96, 240), [
        "Frozen bodies scattered across {place}", "Survivors marching on {place}",
        "Crowd panic at {place}", "Stadium stands full of still figures"]),
    "plate_upres": (0.14, {1: 6, 2: 4}, (48, 240), [
        "Up-res archive newsreel of {place}", "Up-res drone plate over {place}",
        "Up-res crash-cam plate, {place}", "Up-res security camera footage of {place}"]),
    "de_aging": (0.05, {3: 4, 4: 5, 5: 1}, (60, 180), [
        "De-age {person} for the 1982 flashback", "Younger {person} in the family photo come to life",
        "Flashback: {person} at the 1978 final"]),
}

LIKENESS_WORK = {"de_aging"}


def weighted(choices):
    total = sum(choices.values())
    pick = rng.uniform(0, total)
    for value, weight in choices.items():
        pick -= weight
        if pick <= 0:
            return value
    return value


def working_days_after(day, days):
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def shots():
    rows = []
    work_types = list(WORK)
    for episode, count, first_turnover, weeks in EPISODES:
        sequences = [f"{episode}_{10 * (i + 1):03d}" for i in range(rng.randint(9, 12))]
        per_sequence = {s: [] for s in sequences}
        for n in range(count):
            work = rng.choices(work_types, weights=[WORK[w][0] for w in work_types])[0]
            share, complexities, (lo, hi), texts = WORK[work]
            sequence = sequences[min(len(sequences) - 1, n * len(sequences) // count)]
            code = f"{sequence}_{10 * (len(per_sequence[sequence]) + 1):04d}"
            frames = int(rng.triangular(lo, hi, lo + (hi - lo) * 0.15) * 0.8)
            cut_in = 1001 + 8  # eight frames of handle before the cut
            complexity = weighted(complexities)
            text = rng.choice(texts).format(place=rng.choice(PLACES), person=rng.choice(PEOPLE))
            likeness = work in LIKENESS_WORK or (work in ("cleanup", "roto") and rng.random() < 0.06)
            consent = likeness and rng.random() < (0.5 if work == "de_aging" else 0.6)
            human_only = (work in ("destruction", "crowd", "snow_atmos") and complexity >= 4 and rng.random() < 0.35) \
                or (work in ("cleanup", "sky_replacement") and rng.random() < 0.04)
            offset = int(rng.uniform(0, weeks * 5))
            plate_ready = working_days_after(first_turnover - dt.timedelta(days=1), offset + 1)
            resolution = "3840x2160" if work in ("set_extension", "destruction", "sky_replacement") \
                and rng.random() < 0.5 else "1920x1080"
            if work == "plate_upres":
                resolution = "1920x1080"
            row = {
                "code": code, "episode": episode, "sequence": sequence, "description": text,
                "frame_count": frames, "fps": 24, "resolution": resolution, "work_type": work,
                "complexity": complexity, "performer_likeness": "yes" if likeness else "no",
                "consent_on_file": "yes" if consent else "no", "human_only": "yes" if human_only else "no",
                "plate_ready_date": plate_ready.isoformat(), "status": "NOT_STARTED", "depends_on": "",
                "scene": f"{episode[2:]}{sequences.index(sequence) + 1:02d}",
                "sg_cut_in": cut_in, "sg_cut_out": cut_in + frames - 1,
            }
            per_sequence[sequence].append(row)
            rows.append(row)
        # Dependencies inside a sequence: destruction and crowd wait for the set extension or sky they sit in;
        # roto feeds the snow pass of the same sequence. Always on an earlier shot, so never a cycle.
        for sequence, seq_rows in per_sequence.items():
            for i, row in enumerate(seq_rows):
                earlier = seq_rows[:i]
                feeds = {"destruction": ("set_extension", "sky_replacement", "roto"),
                         "crowd": ("set_extension", "roto"), "snow_atmos": ("roto", "cleanup"),
                         "set_extension": ("sky_replacement",)}.get(row["work_type"], ())
                candidates = [r["code"] for r in earlier if r["work_type"] in feeds]
                if candidates and rng.random() < 0.7:
                    row["depends_on"] = ";".join(rng.sample(candidates, min(len(candidates), rng.choice([1, 1, 2]))))
                    latest = max(r["plate_ready_date"] for r in earlier if r["code"] in row["depends_on"].split(";"))
                    row["plate_ready_date"] = max(row["plate_ready_date"], latest)
    return rows


def bid_and_rates():
    """Reads the day rates and bid template from show.yaml, enough to estimate (no YAML library needed)."""
    text = open(SHOW, encoding="utf-8").read()
    rates = {m.group(1): float(m.group(2)) for m in re.finditer(r"\{ *code: *(\w+),[^}]*day_rate: *([\d.]+)", text)}
    bid = {}
    for m in re.finditer(r"work_type: *(\w+), *complexity: *(\d), *days_per_100_frames: *\{([^}]*)\}", text):
        bid[(m.group(1), int(m.group(2)))] = {k.strip(): float(v) for k, v in
                                              (p.split(":") for p in m.group(3).split(",") if p.strip())}
    budgets = dict(re.findall(r"code: *(EP\d+),[^}]*budget: *(\d+)", text))
    return rates, bid, {k: float(v) for k, v in budgets.items()}


def main():
    rows = shots()
    header = ["code", "episode", "sequence", "description", "frame_count", "fps", "resolution", "work_type",
              "complexity", "performer_likeness", "consent_on_file", "human_only", "plate_ready_date", "status",
              "depends_on", "scene", "sg_cut_in", "sg_cut_out"]
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    rates, bid, budgets = bid_and_rates()
    total = 0.0
    for episode, *_ in EPISODES:
        ep_rows = [r for r in rows if r["episode"] == episode]
        cost = sum(sum(d * r["frame_count"] / 100 * rates[k] for k, d in bid[(r["work_type"], r["complexity"])].items())
                   for r in ep_rows)
        total += cost
        print(f"{episode}: {len(ep_rows):3d} shots, traditional {cost:12,.0f}, budget {budgets.get(episode, 0):12,.0f}, "
              f"{cost / len(ep_rows):7,.0f} per shot")
    print(f"season: {len(rows)} shots, traditional {total:,.0f}, budget {sum(budgets.values()):,.0f}")


if __name__ == "__main__":
    main()
