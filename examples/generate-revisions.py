#!/usr/bin/env python3
"""Writes examples/snowfall/revisions/: editorial's revised pull and the revised shot list for episode EP103.

Read with `shotplan import shots|edl --update [--omit-missing] [--dry-run]`. Against the season in shots.csv:
  - EP103_shots_v2.csv (shot list): EP103_010_0070 and EP103_020_0030 dropped from the cut, EP103_010_0010 longer
    by 24 frames, EP103_010_0020 now in progress (ShotGrid "ip"), EP103_010_0030 described anew, EP103_010_0040 no
    longer waits for EP103_010_0030, and a new shot EP103_095_0010.
  - EP103_vfx_pull_v005.edl (CMX 3600, after the shot list): every EP103 shot of v2 with its source range;
    EP103_010_0020 (in progress) is 24 frames longer, so it is flagged for re-bid; EP103_010_0050 is named only by
    its Avid clip name with a version suffix, EP103_010_0060 only by its reel; EP103_095_0020 is new, a speed ramp
    (M2 at 46.7 fps over 36 record frames: 70 source frames).
  - EP103_vfx_pull_v005.otio: the first events of the same pull as an OpenTimelineIO timeline.
Running it again writes the same files.
"""
import csv
import json
import pathlib

HERE = pathlib.Path(__file__).parent / "snowfall"
OUT = HERE / "revisions"
FPS = 24


def tc(frame):
    s, f = divmod(frame, FPS)
    return "%02d:%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60, f)


def main():
    with open(HERE / "shots.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["episode"] == "EP103"]
    header = list(rows[0].keys())
    dropped = {"EP103_010_0070", "EP103_020_0030"}
    revised = []
    for r in rows:
        if r["code"] in dropped:
            continue
        r = dict(r)
        if r["code"] == "EP103_010_0010":
            r["frame_count"] = str(int(r["frame_count"]) + 24)
            r["sg_cut_out"] = str(int(r["sg_cut_out"]) + 24)
        if r["code"] == "EP103_010_0020":
            r["status"] = "ip"
        if r["code"] == "EP103_010_0030":
            r["description"] = "Roto crowd fleeing the Obelisco, now with the bus in frame"
        if r["code"] == "EP103_010_0040":
            r["depends_on"] = ""
        revised.append(r)
    new = dict(revised[-1])
    new.update(code="EP103_095_0010", sequence="EP103_095", description="Snow piles over the Subte entrance",
               frame_count="96", work_type="snow_atmos", complexity="2", status="NOT_STARTED", depends_on="",
               plate_ready_date="2027-04-19", scene="10395", sg_cut_in="1009", sg_cut_out="1104")
    revised.append(new)
    OUT.mkdir(exist_ok=True)
    with open(OUT / "EP103_shots_v2.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(revised)

    lines = ["TITLE: NVB_EP103_VFX_PULL_v005", "FCM: NON-DROP FRAME", ""]
    clips = []
    record = 86400  # 01:00:00:00
    for n, r in enumerate(revised, start=1):
        frames = int(r["frame_count"]) + (24 if r["code"] == "EP103_010_0020" else 0)
        source = 86400 * 10 + n * 2400
        reel = "A%03dC%03d" % (n % 40 + 1, n)
        name_lines = ["* LOC: %s YELLOW  %s" % (tc(record), r["code"])]
        if r["code"] == "EP103_010_0050":
            name_lines = ["* FROM CLIP NAME:  %s (LAY3)" % r["code"]]
        if r["code"] == "EP103_010_0060":
            reel = r["code"] + "."
            name_lines = []
        lines.append("%03d  %-8s V     C        %s %s %s %s" % (n, reel, tc(source), tc(source + frames), tc(record),
                                                               tc(record + frames)))
        lines += name_lines
        lines.append("")
        clips.append((r["code"], reel, source, frames))
        record += frames
    n = len(revised) + 1
    lines.append("%03d  %-8s V     C        %s %s %s %s" % (n, "B095C001", tc(864000), tc(864000 + 36), tc(record),
                                                           tc(record + 36)))
    lines.append("M2   B095C001       046.7                %s" % tc(864000))
    lines.append("* LOC: %s YELLOW  EP103_095_0020 speed ramp on the falling sign" % tc(record))
    (OUT / "EP103_vfx_pull_v005.edl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def rt(value):
        return {"OTIO_SCHEMA": "RationalTime.1", "rate": FPS, "value": value}

    children = []
    for code, reel, source, frames in clips[:3]:
        children.append({"OTIO_SCHEMA": "Clip.2", "name": code + ".mov",
                         "source_range": {"OTIO_SCHEMA": "TimeRange.1", "start_time": rt(source), "duration": rt(frames)},
                         "markers": [], "effects": [], "metadata": {"cmx_3600": {"reel": reel}},
                         "media_references": {}, "active_media_reference_key": "DEFAULT_MEDIA"})
    timeline = {"OTIO_SCHEMA": "Timeline.1", "name": "NVB_EP103_VFX_PULL_v005", "metadata": {},
                "global_start_time": rt(86400),
                "tracks": {"OTIO_SCHEMA": "Stack.1", "name": "tracks", "children": [
                    {"OTIO_SCHEMA": "Track.1", "name": "V1", "kind": "Video", "children": children}]}}
    (OUT / "EP103_vfx_pull_v005.otio").write_text(json.dumps(timeline, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
