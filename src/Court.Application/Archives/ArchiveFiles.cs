namespace Court.Application.Archives;

/// <summary>The README and the verifier script that travel inside every archive, so anyone can re-check it offline.</summary>
internal static class ArchiveFiles
{
    public const string Readme = """
        # 电子卷宗归档包 · Electronic case-file archive

        本归档包由法院案件协同管理平台导出，包含一个事件流（及其所附法律文书的事件）的全部事件和一份哈希清单，
        任何人均可离线复核其未被篡改。

        This archive holds every event of one stream (and of the documents issued in it) and a manifest of hashes,
        so that anyone can check offline that nothing was altered, removed or reordered.

        ## 文件 · Files

        - `events.json` — 事件原文 / the events exactly as stored: `streamId`, `version`, `eventId`, `type`,
          `recordedAt` (Unix milliseconds, UTC), `data` and `metadata` (JSON **text**, byte for byte as stored), `hash`.
        - `manifest.json` — 清单 / the manifest: for each stream its events' hashes in order, the hash before the first
          exported event (`previousHash`, empty for version 0), the last version and hash (`headVersion`, `headHash`),
          and the SHA-256 of `events.json` (`files`).
        - `verify.py` — 校验脚本 / a verifier using only the Python 3 standard library: `python3 verify.py`.

        ## 校验方法 · How to verify

        1. SHA-256 of `events.json` must equal `manifest.files["events.json"]`.
        2. For each stream in the manifest, take its events from `events.json` in version order; the versions must run
           without a gap from `fromVersion` to `headVersion`.
        3. Starting with `h = previousHash`, for each event compute

               h = lowercase_hex( SHA-256( UTF-8( h + "\n" + streamId + "\n" + version + "\n" + eventId + "\n"
                                                  + type + "\n" + recordedAt + "\n" + data + "\n" + metadata ) ) )

           (`version` and `recordedAt` in decimal, `eventId` as a lower-case hyphenated GUID). `h` must equal the event's
           `hash` and the manifest's hash for that version. After the last event, `h` must equal `headHash`.
        4. Any change to an event — its data, metadata, time, type, order, or a removed event — changes every later
           hash. To tie this archive to the court's own log, compare each `headHash` with the court's record
           (`GET /api/archives/{streamId}/verify` answers the current head hash to court staff).

        A stream marked `"complete": false` is an excerpt: one document's issuance taken from its numbering series; its
        chain is checked from the stated `previousHash`.
        """;

    public const string Verifier = """
        #!/usr/bin/env python3
        # Re-checks a Court archive: file hash, per-stream hash chains, manifest. Standard library only.
        import hashlib, json, os, sys

        here = os.path.dirname(os.path.abspath(__file__))
        def read(name):
            with open(os.path.join(here, name), "rb") as f:
                return f.read()

        manifest = json.loads(read("manifest.json"))
        raw = read("events.json")
        problems = []
        if hashlib.sha256(raw).hexdigest() != manifest["files"]["events.json"]:
            problems.append("events.json does not match the SHA-256 in the manifest")
        events = json.loads(raw)
        for stream in manifest["streams"]:
            sid = stream["streamId"]
            mine = sorted((e for e in events if e["streamId"] == sid), key=lambda e: e["version"])
            expected = list(range(stream["fromVersion"], stream["headVersion"] + 1))
            if [e["version"] for e in mine] != expected:
                problems.append(f"{sid}: versions {[e['version'] for e in mine]} are not {expected}")
                continue
            listed = {e["version"]: e["hash"] for e in stream["events"]}
            h = stream["previousHash"]
            for e in mine:
                text = "\n".join([h, sid, str(e["version"]), e["eventId"], e["type"], str(e["recordedAt"]), e["data"], e["metadata"]])
                h = hashlib.sha256(text.encode("utf-8")).hexdigest()
                if h != e["hash"] or h != listed.get(e["version"]):
                    problems.append(f"{sid} version {e['version']}: the event does not match its hash (altered)")
                    break
            else:
                if h != stream["headHash"]:
                    problems.append(f"{sid}: the chain does not end at the manifest's head hash")
        if problems:
            print("NOT INTACT")
            for p in problems:
                print(" -", p)
            sys.exit(1)
        print(f"INTACT: {len(events)} events in {len(manifest['streams'])} streams")
        """;
}
