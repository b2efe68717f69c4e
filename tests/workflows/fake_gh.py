#!/usr/bin/env python3
"""A stand-in for the GitHub CLI: `gh api` served from a state file in GitHub's REST shapes.

The state ($FAKE_GH_STATE, JSON) holds the repository's pull requests, reviews, issue comments
and commit statuses as GitHub's REST API returns them; every call is appended to $FAKE_GH_LOG.
The token ($GH_TOKEN) is looked up in the state's `tokens`: its permissions decide what it may
read and write, as the GITHUB_TOKEN's `permissions:` do (a fork's pull_request token is
read-only). Writes answer as GitHub does: 403 "Resource not accessible by integration".
"""

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOT = {"login": "github-actions[bot]", "type": "Bot"}
ACTIONS_APP = {"id": 15368, "slug": "github-actions", "name": "GitHub Actions"}


def template(fixture, folder="github", /, **values):
    """A fixture (REST from github/, payloads from events/) with its {{placeholders}} filled
    in: a quoted placeholder takes any JSON value, one inside a string takes text."""
    text = (HERE / folder / f"{fixture}.json").read_text()
    for key, value in values.items():
        text = text.replace(f'"{{{{{key}}}}}"', json.dumps(value))
    for key, value in values.items():
        rendered = json.dumps(value)[1:-1] if isinstance(value, str) else json.dumps(value)
        text = text.replace(f"{{{{{key}}}}}", rendered)
    return json.loads(text)


def user(login, kind="User"):
    return template("user", login=login, type=kind)


class Refused(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def release_download(argv):
    """`gh release download TAG --repo R --pattern P…`: the files of $FAKE_GH_RELEASES/TAG."""
    tag, patterns, i = argv[0], [], 1
    while i < len(argv):
        if argv[i] in ("-p", "--pattern"):
            patterns.append(argv[i + 1])
        elif argv[i] not in ("-R", "--repo"):
            raise SystemExit(f"fake gh: unknown option {argv[i]}")
        i += 2
    release = Path(os.environ["FAKE_GH_RELEASES"]) / tag
    if not release.is_dir():
        print("release not found", file=sys.stderr)
        return 1
    found = [path for path in sorted(release.iterdir())
             if any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)]
    if not found:
        print("no assets match the file pattern", file=sys.stderr)
        return 1
    for path in found:
        shutil.copy(path, path.name)
    return 0


def parse(argv):
    if not argv or argv[0] != "api":
        raise SystemExit(f"fake gh: only `gh api` and `gh release download` are served, "
                         f"not {argv[:1]}")
    args = {"method": None, "paginate": False, "jq": None, "fields": {}, "path": None}
    rest = argv[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg in ("-X", "--method"):
            args["method"] = rest[i + 1]
            i += 2
        elif arg == "--paginate":
            args["paginate"] = True
            i += 1
        elif arg in ("--jq", "-q"):
            args["jq"] = rest[i + 1]
            i += 2
        elif arg in ("-f", "--raw-field", "-F", "--field"):
            key, _, value = rest[i + 1].partition("=")
            if arg in ("-F", "--field"):
                if value.startswith("@"):
                    value = Path(value[1:]).read_text()
                elif value in ("true", "false"):
                    value = value == "true"
                elif re.fullmatch(r"-?\d+", value):
                    value = int(value)
            args["fields"][key] = value
            i += 2
        elif arg in ("-H", "--header"):
            i += 2
        elif arg.startswith("-"):
            raise SystemExit(f"fake gh: unknown option {arg}")
        else:
            args["path"] = arg
            i += 1
    if args["method"] is None:
        args["method"] = "POST" if args["fields"] else "GET"
    return args


def need(token, scope, level):
    granted = token.get(scope, "none")
    if level == "read" and granted in ("read", "write"):
        return
    if level == "write" and granted == "write":
        return
    raise Refused(403, "Resource not accessible by integration")


def serve(state, token, method, path, fields):
    route = urllib.parse.urlparse(path)
    query = dict(urllib.parse.parse_qsl(route.query))
    parts = route.path.strip("/").split("/")
    if parts[:1] != ["repos"] or "/".join(parts[1:3]) != state["repository"]:
        raise Refused(404, "Not Found")
    parts = parts[3:]
    pulls = state["pulls"]

    if parts == ["pulls"] and method == "GET":
        need(token, "pull-requests", "read")
        wanted = query.get("state", "open")
        return [pull for pull in pulls.values() if wanted == "all" or pull["state"] == wanted]
    if len(parts) == 2 and parts[0] == "pulls" and method == "GET":
        need(token, "pull-requests", "read")
        if parts[1] not in pulls:
            raise Refused(404, "Not Found")
        return pulls[parts[1]]
    if len(parts) == 3 and parts[0] == "pulls" and parts[2] == "reviews" and method == "GET":
        need(token, "pull-requests", "read")
        return state["reviews"].get(parts[1], [])
    if len(parts) == 3 and parts[0] == "issues" and parts[2] == "comments":
        comments = state["comments"].setdefault(parts[1], [])
        if method == "GET":
            need(token, "pull-requests", "read")
            return comments
        if method == "POST":
            need(token, "pull-requests", "write")
            state["next_id"] += 1
            at = f"2026-11-20T10:{state['next_id'] % 60:02d}:00Z"
            comment = template(
                "issue-comment",
                repo=state["repository"],
                number=int(parts[1]),
                id=state["next_id"],
                user=user(BOT["login"], BOT["type"]),
                at=at,
                association="NONE",
                body=fields["body"],
                app=ACTIONS_APP,
            )
            comments.append(comment)
            return comment
    if len(parts) == 3 and parts[:2] == ["issues", "comments"] and method == "PATCH":
        need(token, "pull-requests", "write")
        for comments in state["comments"].values():
            for comment in comments:
                if str(comment["id"]) == parts[2]:
                    if comment["user"]["login"] != BOT["login"]:
                        # GitHub lets a token with write access edit anyone's comment: the
                        # workflow must never ask. Recorded, so that a test can fail on it.
                        state["edited_foreign"].append(comment["id"])
                    comment["body"] = fields["body"]
                    return comment
        raise Refused(404, "Not Found")
    if len(parts) == 2 and parts[0] == "statuses" and method == "POST":
        need(token, "statuses", "write")
        if fields.get("state") not in ("error", "failure", "pending", "success"):
            raise Refused(422, "Validation Failed")
        state["next_id"] += 1
        status = template(
            "status",
            repo=state["repository"],
            sha=parts[1],
            id=state["next_id"],
            state=fields["state"],
            description=fields.get("description"),
            target_url=fields.get("target_url"),
            context=fields.get("context", "default"),
            at=f"2026-11-20T11:{state['next_id'] % 60:02d}:00Z",
            creator=user(BOT["login"], BOT["type"]),
        )
        state["statuses"].setdefault(parts[1], []).insert(0, status)
        return status
    if len(parts) == 3 and parts[0] == "commits" and parts[2] == "status" and method == "GET":
        need(token, "statuses", "read")
        latest = {}
        for status in state["statuses"].get(parts[1], []):
            latest.setdefault(status["context"], status)
        states = [status["state"] for status in latest.values()]
        combined = (
            "failure" if {"failure", "error"} & set(states)
            else "pending" if "pending" in states or not states
            else "success"
        )
        return {"state": combined, "statuses": list(latest.values()), "sha": parts[1],
                "total_count": len(latest), "repository": pulls and next(iter(pulls.values()))["base"]["repo"]}
    if parts == ["releases", "latest"] and method == "GET":
        need(token, "contents", "read")
        return {"tag_name": state["latest_release"], "name": state["latest_release"]}
    if len(parts) == 3 and parts[0] == "commits" and parts[2] == "pulls" and method == "GET":
        need(token, "contents", "read")
        return [pulls[number] for number in state["commit_pulls"].get(parts[1], [])]
    raise Refused(404, "Not Found")


def main():
    if sys.argv[1:3] == ["release", "download"]:
        return release_download(sys.argv[3:])
    state_path = Path(os.environ["FAKE_GH_STATE"])
    args = parse(sys.argv[1:])
    state = json.loads(state_path.read_text())
    token_text = os.environ.get("GH_TOKEN") or os.environ.get("GITHUB_TOKEN")
    call = {"method": args["method"], "path": args["path"], "fields": args["fields"],
            "token": token_text}
    with open(os.environ["FAKE_GH_LOG"], "a") as log:
        log.write(json.dumps(call) + "\n")
    if not token_text:
        print("gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment "
              "variable. Example:\n  env:\n    GH_TOKEN: ${{ github.token }}", file=sys.stderr)
        return 4
    token = state["tokens"].get(token_text)
    if token is None:
        print("gh: Bad credentials (HTTP 401)", file=sys.stderr)
        return 1
    try:
        answer = serve(state, token, args["method"], args["path"], args["fields"])
    except Refused as refused:
        print(f"gh: {refused.message} (HTTP {refused.status})", file=sys.stderr)
        return 1
    state_path.write_text(json.dumps(state, indent=1))
    text = json.dumps(answer)
    if args["jq"] is not None:
        done = subprocess.run(["jq", "-r", args["jq"]], input=text, text=True,
                              capture_output=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr, end="")
            return 1
        text = done.stdout.rstrip("\n")
    if text:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
