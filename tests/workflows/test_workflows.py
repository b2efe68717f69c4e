"""The workflows that `folio init` writes, run on this machine: each `run:` step in bash with
the folio cargo built on PATH, a fake `gh` serving GitHub's REST shapes, real event payloads and
a real git repository standing in for GitHub's. Also: actionlint and shellcheck over every
workflow and the action.

Run: python3 -m unittest discover -s tests/workflows (needs PyYAML, jq and git; actionlint and
shellcheck for the lint tests; FOLIO_BIN or target/debug/folio).
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import yaml

from fake_gh import template, user
from harness import REPOSITORY, GitHub, git, run_scripts, workflows

TEMPLATES = REPOSITORY / "templates/init/workflows"
MARKER = "<!-- folio:decisions -->"
CONTEXT = "folio/decisions"
BOT = "github-actions[bot]"


class Studio:
    """A portfolio repository on the fake GitHub, made by `folio init` (which writes the
    workflows under test), with a chairman `chair` and a board of `board1`."""

    def __init__(self, test):
        self.dir = Path(tempfile.mkdtemp(prefix="folio-workflows-"))
        test.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        self.github = GitHub(self.dir)
        self.folio = self.github.folio_dir / "folio"
        self.work = self.dir / "author"
        done = subprocess.run([str(self.folio), "init", str(self.work)], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
        governance = self.work / "governance.yaml"
        governance.write_text(governance.read_text()
                              .replace("chairman-github-handle", "chair")
                              .replace("board-member-github-handle", "board1"))
        git("init", "--quiet", "--initial-branch=main", cwd=self.work)
        self.commit("A portfolio, as folio init writes it")
        git("remote", "add", "origin", str(self.github.origin), cwd=self.work)
        git("push", "--quiet", "origin", "main", cwd=self.work)
        self.base = self.head("main")
        self.base_repo = template("repository", name="portfolio", full_name="studio/portfolio",
                                  owner=user("studio", "Organization"), fork=False)

    def commit(self, message, author="Dev <dev@studio.example>"):
        git("add", "--all", cwd=self.work)
        git("-c", "user.name=Dev", "-c", "user.email=dev@studio.example", "commit", "--quiet",
            f"--author={author}", "-m", message, cwd=self.work)
        return git("rev-parse", "HEAD", cwd=self.work)

    def head(self, branch):
        return git("rev-parse", branch, cwd=self.work)

    def edit(self, path, old, new):
        file = self.work / path
        text = file.read_text()
        assert old in text, f"{path} lacks {old!r}"
        file.write_text(text.replace(old, new, 1))

    # Pull requests.
    def open(self, number, branch, change, fork=False, author="dev"):
        """Branches off main, makes `change`, and opens pull request `number` (from a fork:
        only refs/pull/N/head reaches the repository)."""
        git("checkout", "--quiet", "-b", branch, "main", cwd=self.work)
        change(self)
        head = self.commit(f"{branch}: the change")
        self.push_head(number, branch, fork)
        git("checkout", "--quiet", "main", cwd=self.work)
        owner = "outsider" if fork else "studio"
        head_repo = (template("repository", name="portfolio", full_name="outsider/portfolio",
                              owner=user("outsider"), fork=True) if fork else self.base_repo)
        state = self.github.state()
        state["pulls"][str(number)] = self.pull(number, branch, head, author, owner, head_repo)
        self.github.save(state)
        return head

    def push_head(self, number, branch, fork):
        git("push", "--quiet", "--force", "origin", f"{branch}:refs/pull/{number}/head",
            cwd=self.work)
        if not fork:
            git("push", "--quiet", "--force", "origin", f"{branch}:refs/heads/{branch}",
                cwd=self.work)

    def pull(self, number, branch, head, author, owner, head_repo, **merged):
        return template(
            "pull", repo="studio/portfolio", number=number, state=merged.get("state", "open"),
            title=f"{branch}: the change", author=user(author), head_sha=head,
            head_owner=owner, head_ref=branch, head_user=user(owner),
            head_repo=head_repo, owner="studio", owner_user=user("studio", "Organization"),
            base_sha=self.head("main"), base_repo=self.base_repo,
            association="CONTRIBUTOR" if owner != "studio" else "MEMBER",
            closed_at=merged.get("at"), merged_at=merged.get("at"),
            merge_commit_sha=merged.get("sha"))

    def push_to(self, number, branch, change):
        """A new commit on the pull request's branch: returns the new head."""
        pull = self.github.state()["pulls"][str(number)]
        git("checkout", "--quiet", branch, cwd=self.work)
        change(self)
        head = self.commit(f"{branch}: more")
        self.push_head(number, branch, pull["head"]["repo"]["fork"])
        git("checkout", "--quiet", "main", cwd=self.work)
        state = self.github.state()
        state["pulls"][str(number)]["head"]["sha"] = head
        self.github.save(state)
        return head

    # Events, each running the workflow file GitHub would pick for it.
    def pull_request_target(self, number, action="opened", before=None):
        pull = self.github.state()["pulls"][str(number)]
        payload = template(f"pull_request_target.{action}", "events", number=number,
                           pull_request=pull, repository=self.base_repo, author=pull["user"],
                           head_sha=pull["head"]["sha"], before=before or "")
        main = self.github.rev("main")
        # pull_request_target: the target branch's definition, its tip checked out.
        text = self.github.show(main, ".github/workflows/folio-decisions.yml")
        return self.github.run(text, "pull_request_target", payload, checkout=main)

    def review(self, number, reviewer, state="APPROVED", commit=None):
        """`reviewer` submits a review (as GitHub lists it in the REST API), then the review
        workflow runs (the pull request's own copy) and, on its completion, the decisions
        workflow runs through workflow_run (the default branch's copy)."""
        github_state = self.github.state()
        pull = github_state["pulls"][str(number)]
        github_state["next_id"] += 1
        review_id = github_state["next_id"]
        at = f"2026-11-20T12:{review_id % 60:02d}:00Z"
        github_state["reviews"].setdefault(str(number), []).append(template(
            "review", id=review_id, user=user(reviewer), state=state, repo="studio/portfolio",
            number=number, submitted_at=at, commit_id=commit or pull["head"]["sha"]))
        self.github.save(github_state)
        return self.review_event(number, reviewer, "submitted", state.lower(), review_id, at)

    def dismiss(self, number, reviewer):
        github_state = self.github.state()
        reviews = github_state["reviews"][str(number)]
        review = [review for review in reviews if review["user"]["login"] == reviewer][-1]
        review["state"] = "DISMISSED"
        self.github.save(github_state)
        return self.review_event(number, reviewer, "dismissed", "dismissed", review["id"],
                                 review["submitted_at"])

    def review_event(self, number, reviewer, action, state, review_id, at):
        pull = self.github.state()["pulls"][str(number)]
        head = pull["head"]["sha"]
        fork = pull["head"]["repo"]["fork"]
        payload = template(f"pull_request_review.{action}", "events", number=number,
                           pull_request=pull, repository=self.base_repo, reviewer=user(reviewer),
                           head_sha=head, review_id=review_id, review_state=state,
                           submitted_at=at, repo="studio/portfolio")
        # pull_request_review: the pull request's own definition; a fork's token is read-only.
        text = self.github.show(head, ".github/workflows/folio-review.yml")
        signal = self.github.run(text, "pull_request_review", payload,
                                 checkout=head, read_only=fork)
        conclusion = ("success" if all(job["result"] == "success"
                                       for job in signal.jobs.values()) else "failure")
        # GitHub lists the pull request in workflow_run only when it is not from a fork.
        pull_requests = [] if fork else [{
            "url": pull["url"], "id": pull["id"], "number": number,
            "head": {"ref": pull["head"]["ref"], "sha": head,
                     "repo": {"id": 700100, "url": pull["head"]["repo"]["url"],
                              "name": "portfolio"}},
            "base": {"ref": "main", "sha": pull["base"]["sha"],
                     "repo": {"id": 700100, "url": pull["base"]["repo"]["url"],
                              "name": "portfolio"}},
        }]
        run_payload = template("workflow_run.completed", "events", run_id=9100000000 + review_id,
                               head_ref=pull["head"]["ref"], head_sha=head, title=pull["title"],
                               conclusion=conclusion, repo="studio/portfolio",
                               pull_requests=pull_requests, submitted_at=at,
                               reviewer=user(reviewer), repository=self.base_repo,
                               head_repository=pull["head"]["repo"])
        main = self.github.rev("main")
        text = self.github.show(main, ".github/workflows/folio-decisions.yml")
        judged = self.github.run(text, "workflow_run", run_payload, checkout=main)
        return signal, judged

    def merge(self, number, branch):
        before = self.head("main")
        git("-c", "user.name=GitHub", "-c", "user.email=noreply@github.com", "merge",
            "--quiet", "--no-ff", branch, "-m",
            f"Merge pull request #{number} from studio/{branch}", cwd=self.work)
        after = self.head("main")
        git("push", "--quiet", "origin", "main", cwd=self.work)
        state = self.github.state()
        pull = state["pulls"][str(number)]
        pull.update(state="closed", merged_at="2026-11-20T13:00:00Z",
                    closed_at="2026-11-20T13:00:00Z", merge_commit_sha=after)
        state["commit_pulls"][after] = [str(number)]
        self.github.save(state)
        return before, after

    def push_event(self, workflow, before, after, message="a push"):
        payload = template("push", "events", before=before, after=after,
                           repository=self.base_repo, pusher="chair", sender=user("chair"),
                           repo="studio/portfolio", message=message)
        text = self.github.show(after, f".github/workflows/{workflow}")
        return self.github.run(text, "push", payload, checkout=after)

    # What GitHub shows.
    def verdict(self, sha):
        statuses = self.github.state()["statuses"].get(sha, [])
        latest = [status for status in statuses if status["context"] == CONTEXT]
        return latest[0]["state"] if latest else None

    def comments(self, number):
        return self.github.state()["comments"].get(str(number), [])

    def bot_comments(self, number):
        return [comment for comment in self.comments(number)
                if comment["user"]["login"] == BOT and comment["body"].startswith(MARKER)]


def change_thresholds(studio):
    studio.edit("portfolio.yaml", "min_plans: 5", "min_plans: 4")


def steps_failed(run):
    return [(step["name"], step.get("stderr", "")) for step in run.steps
            if step["outcome"] == "failure"]


class Decisions(unittest.TestCase):
    def test_the_sticky_comment_is_created_once_then_updated(self):
        studio = Studio(self)
        head = studio.open(7, "thresholds", change_thresholds)
        run = studio.pull_request_target(7)
        self.assertEqual(steps_failed(run), [])
        self.assertEqual(run.jobs["judge"]["result"], "success")
        self.assertEqual(studio.verdict(head), "failure")
        [comment] = studio.bot_comments(7)
        self.assertIn("change-thresholds", comment["body"])
        self.assertIn("`chair`", comment["body"])

        head = studio.push_to(7, "thresholds",
                              lambda s: s.edit("portfolio.yaml", "min_plans: 4", "min_plans: 3"))
        studio.pull_request_target(7, "synchronize", before=head)
        comments = studio.bot_comments(7)
        self.assertEqual(len(comments), 1, "updated, not duplicated")
        self.assertEqual(comments[0]["id"], comment["id"])
        self.assertEqual(studio.verdict(head), "failure")
        methods = [(call["method"], call["path"].split("/")[-2]) for call in studio.github.calls()
                   if "comments" in call["path"] and call["method"] != "GET"]
        self.assertEqual(methods, [("POST", "7"), ("PATCH", "comments")])

    def test_the_verdict_follows_the_approvals_on_the_head(self):
        studio = Studio(self)
        head = studio.open(7, "thresholds", change_thresholds)
        studio.pull_request_target(7)
        self.assertEqual(studio.verdict(head), "failure")

        # A board member's approval is not the chairman's.
        signal, judged = studio.review(7, "board1")
        self.assertEqual(signal.jobs["signal"]["result"], "success")
        self.assertEqual(steps_failed(judged), [])
        self.assertEqual(studio.verdict(head), "failure")

        # The chairman approves the head: the same status turns green, and the comment says so.
        signal, judged = studio.review(7, "chair")
        self.assertEqual(studio.verdict(head), "success")
        [comment] = studio.bot_comments(7)
        self.assertIn("approved", comment["body"].lower())
        states = [status["state"] for status in studio.github.state()["statuses"][head]
                  if status["context"] == CONTEXT]
        self.assertEqual(states[0], "success", "the latest status is the verdict")

        # A dismissed approval takes it back.
        studio.dismiss(7, "chair")
        self.assertEqual(studio.verdict(head), "failure")

        # An approval of an older commit does not carry over to a new head.
        studio.review(7, "chair")
        self.assertEqual(studio.verdict(head), "success")
        new_head = studio.push_to(7, "thresholds",
                                  lambda s: s.edit("portfolio.yaml", "min_plans: 4",
                                                   "min_plans: 3"))
        studio.pull_request_target(7, "synchronize", before=head)
        self.assertEqual(studio.verdict(new_head), "failure")
        self.assertIn("older commit", studio.bot_comments(7)[0]["body"])

    def test_only_the_bots_own_comment_is_touched(self):
        studio = Studio(self)
        studio.open(7, "thresholds", change_thresholds)
        state = studio.github.state()
        forged = MARKER + "\nAll approvals given. (written by a person)"
        state["comments"]["7"] = [template(
            "issue-comment", repo="studio/portfolio", number=7, id=555, user=user("mallory"),
            at="2026-11-20T09:10:00Z", association="CONTRIBUTOR", body=forged, app=None)]
        studio.github.save(state)
        studio.pull_request_target(7)
        studio.review(7, "board1")
        comments = studio.comments(7)
        self.assertEqual([c["user"]["login"] for c in comments], ["mallory", BOT])
        self.assertEqual(comments[0]["body"], forged, "a person's comment is left alone")
        self.assertEqual(studio.github.state()["edited_foreign"], [])
        self.assertEqual(len(studio.bot_comments(7)), 1)

    def test_a_pull_request_from_a_fork_is_judged_and_can_turn_green(self):
        studio = Studio(self)
        head = studio.open(8, "outsider-thresholds", change_thresholds, fork=True,
                           author="outsider")
        run = studio.pull_request_target(8)
        self.assertEqual(steps_failed(run), [])
        self.assertEqual(studio.verdict(head), "failure")
        self.assertEqual(len(studio.bot_comments(8)), 1)

        signal, judged = studio.review(8, "chair")
        # The review workflow of a fork's pull request has a read-only token: it needs none.
        self.assertEqual(signal.jobs["signal"]["result"], "success")
        self.assertEqual(steps_failed(judged), [])
        self.assertEqual(studio.verdict(head), "success")
        self.assertEqual(len(studio.bot_comments(8)), 1)

    def test_a_pull_request_cannot_edit_the_workflow_that_judges_it(self):
        studio = Studio(self)
        judged = (REPOSITORY / "templates/init/workflows/folio-decisions.yml").read_text()

        def tamper(s):
            path = s.work / ".github/workflows/folio-decisions.yml"
            path.write_text(judged.replace("[ \"$state\" != error ]", "exit 0")
                            .replace("state=failure", "state=success"))
            # A script the pull request adds is never run.
            (s.work / "evil.sh").write_text("#!/bin/sh\ntouch \"$GITHUB_WORKSPACE/pwned\"\n")

        head = studio.open(9, "tamper", tamper)
        run = studio.pull_request_target(9)
        self.assertEqual(studio.verdict(head), "failure", "the target's definition judged it")
        workspace = run.workspaces["judge"]
        self.assertEqual(git("rev-parse", "HEAD", cwd=workspace), studio.base,
                         "the work tree holds the target, never the pull request")
        self.assertFalse((workspace / "evil.sh").exists())
        self.assertFalse((workspace / "pwned").exists())
        decisions = json.loads((workspace.parent / "tmp/decisions.json").read_text())
        [decision] = decisions["decisions"]
        self.assertEqual(decision["type"], "change-governance")
        self.assertEqual([r["role"] for r in decision["requires"]], ["chairman", "board"])

        studio.review(9, "chair")
        self.assertEqual(studio.verdict(head), "failure", "the board is still needed")
        studio.review(9, "board1")
        self.assertEqual(studio.verdict(head), "success")

    def test_a_tampered_signal_only_fails_to_signal(self):
        studio = Studio(self)

        def tamper(s):
            change_thresholds(s)
            path = s.work / ".github/workflows/folio-review.yml"
            path.write_text(path.read_text().replace('echo "a review', 'exit 1; echo "a review'))

        head = studio.open(10, "signal", tamper)
        studio.pull_request_target(10)
        signal, judged = studio.review(10, "board1")
        self.assertEqual(signal.jobs["signal"]["result"], "failure")
        # A run that completes, even failed, still makes the default branch's copy judge.
        self.assertEqual(steps_failed(judged), [])
        self.assertEqual(studio.verdict(head), "failure", "change-governance needs both")

    def test_the_merge_commit_carries_the_reviews_and_log_verifies_them(self):
        studio = Studio(self)
        studio.open(7, "thresholds", change_thresholds)
        studio.pull_request_target(7)
        studio.review(7, "chair")
        before, merge = studio.merge(7, "thresholds")
        run = studio.push_event("folio-record.yml", before, merge,
                                "Merge pull request #7 from studio/thresholds")
        self.assertEqual(steps_failed(run), [])
        note = json.loads(git("notes", "--ref=folio", "show", merge, cwd=studio.github.origin))
        self.assertEqual(note["pull_request"], 7)
        self.assertEqual(note["verdict"], "success")
        self.assertEqual([r["user"]["login"] for r in note["reviews"]], ["chair"])

        # A clone that fetched the notes shows the merge's approval as verified.
        clone = studio.dir / "clone"
        git("clone", "--quiet", str(studio.github.origin), str(clone), cwd=studio.dir)
        git("fetch", "--quiet", "origin", "refs/notes/folio:refs/notes/folio", cwd=clone)
        done = subprocess.run([str(studio.folio), "log", "--format", "json", "--range",
                               f"{before}..main"], cwd=clone, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        [entry] = json.loads(done.stdout)["commits"]
        self.assertEqual((entry["commit"], entry["evidence"]), (merge, "verified"))

        # A direct push merged no pull request: nothing is recorded.
        studio.edit("portfolio.yaml", "min_plans: 4", "min_plans: 6")
        pushed = studio.commit("a direct push")
        git("push", "--quiet", "origin", "main", cwd=studio.work)
        run = studio.push_event("folio-record.yml", merge, pushed)
        self.assertIn("nothing to record", run.step("Write the reviews on the merge commit")
                      ["stdout"])


class CheckAndReport(unittest.TestCase):
    def test_check_annotates_writes_sarif_and_shows_the_gates(self):
        studio = Studio(self)
        main = studio.head("main")
        run = studio.push_event("folio-check.yml", main, main)
        self.assertEqual(run.jobs["check"]["result"], "success", steps_failed(run))
        self.assertIn("## Gates of the portfolio", run.summary)
        self.assertIn("multiple-ventures-active", run.summary)
        sarif = json.loads((run.workspaces["check"].parent / "tmp/folio.sarif").read_text())
        self.assertEqual(sarif["version"], "2.1.0")
        self.assertIn("github/codeql-action/upload-sarif@v4", run.skipped_actions)

        # An error in a file: annotations on its line, the job fails, SARIF and gates still run.
        (studio.work / "ventures/solar.yaml").write_text("id: solar\nname: Solar\nstatus: lit\n")
        broken = studio.commit("a broken venture")
        git("push", "--quiet", "origin", "main", cwd=studio.work)
        run = studio.push_event("folio-check.yml", main, broken)
        self.assertEqual(run.jobs["check"]["result"], "failure")
        check = run.step("Check the portfolio")
        self.assertIn("::error file=ventures/solar.yaml,line=3", check["stdout"])
        self.assertTrue(run.step("Write the findings as SARIF")["ran"])
        self.assertIn("## Gates of the portfolio", run.summary)

    def test_a_forks_check_does_not_try_to_upload_sarif(self):
        studio = Studio(self)
        head = studio.open(8, "fork", change_thresholds, fork=True, author="outsider")
        pull = studio.github.state()["pulls"]["8"]
        payload = template("pull_request_target.opened", "events", number=8, pull_request=pull,
                           repository=studio.base_repo, author=pull["user"], head_sha=head,
                           before="")
        text = studio.github.show(head, ".github/workflows/folio-check.yml")
        run = studio.github.run(text, "pull_request", payload, checkout=head, read_only=True)
        self.assertEqual(run.jobs["check"]["result"], "success", steps_failed(run))
        self.assertFalse(run.step("Upload the SARIF to code scanning")["ran"])

    def test_report_renders_keeps_and_links_the_report(self):
        if not (shutil.which("chromium") or shutil.which("google-chrome")):
            if os.environ.get("FOLIO_REQUIRE_BROWSER"):
                self.fail("FOLIO_REQUIRE_BROWSER is set but chromium is not installed")
            self.skipTest("chromium is not installed (apt-get install chromium): it prints the PDF")
        studio = Studio(self)
        main = studio.head("main")
        run = studio.push_event("folio-report.yml", main, main)
        self.assertEqual(run.jobs["render"]["result"], "success", steps_failed(run))
        self.assertEqual(run.jobs["publish"]["result"], "success", steps_failed(run))
        report = run.workspaces["render"].parent / "tmp/report"
        for name in ("report.md", "summary.md", "index.html", "gates.html", "ventures.csv"):
            self.assertTrue((report / name).is_file(), name)
        self.assertTrue((report / "report.pdf").read_bytes().startswith(b"%PDF-"))
        self.assertIn("https://studio.github.io/portfolio/\n", run.summary)
        self.assertIn("https://studio.github.io/portfolio/report.pdf", run.summary)
        self.assertIn("/artifacts/1", run.summary)
        for action in ("browser-actions/setup-chrome@v2", "actions/upload-artifact@v7",
                       "actions/upload-pages-artifact@v4", "actions/deploy-pages@v4"):
            self.assertIn(action, run.skipped_actions)
        # The pages are published as folio wrote them: the rendered folder, no Jekyll.
        self.assertNotIn("actions/jekyll-build-pages@v1", run.skipped_actions)
        text = studio.github.show(main, ".github/workflows/folio-report.yml")
        steps = yaml.safe_load(text)["jobs"]["render"]["steps"]
        pages = next(step for step in steps if step.get("uses", "").startswith(
            "actions/upload-pages-artifact@"))
        self.assertEqual(pages["with"]["path"], "${{ runner.temp }}/report")

        # Not on another branch.
        payload_ref = template("push", "events", before=main, after=main,
                               repository=studio.base_repo, pusher="dev", sender=user("dev"),
                               repo="studio/portfolio", message="x")
        payload_ref["ref"] = "refs/heads/feature"
        text = studio.github.show(main, ".github/workflows/folio-report.yml")
        run = studio.github.run(text, "push", payload_ref, checkout=main)
        self.assertEqual(run.jobs["render"]["result"], "skipped")


class Action(unittest.TestCase):
    """folio's action, step by step, with the archive `dist build` made on this machine."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="folio-action-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        self.github = GitHub(self.dir, repository="studio-folio/folio")
        self.steps = yaml.safe_load((REPOSITORY / "action.yml").read_text())["runs"]["steps"]

    def step(self, name, env, cwd=None):
        """Runs one of the action's bash steps as the runner would: its outputs, its result."""
        [step] = [step for step in self.steps if step.get("name") == name]
        self.assertEqual(step["shell"], "bash")
        output = self.dir / "output"
        output.write_text("")
        environment = {
            "PATH": f"{self.github.bin}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.dir),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_PATH": str(self.dir / "path"),
            "RUNNER_TOOL_CACHE": str(self.dir / "toolcache"),
            "FAKE_GH_STATE": str(self.github.state_path),
            "FAKE_GH_LOG": str(self.github.log_path),
            "FAKE_GH_RELEASES": str(self.dir / "releases"),
            "GH_TOKEN": self.github.token({"contents": "read"}, read_only=False),
            **env,
        }
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=cwd or self.dir, env=environment,
                              capture_output=True, text=True)
        from harness import read_commands_file
        return done, read_commands_file(output)

    def test_the_runner_picks_its_release_target(self):
        # github.action_ref and github.action_repository can be empty in a composite action:
        # the action's own folder still names them.
        path = "/home/runner/work/_actions/studio-folio/folio/v0.1.0"
        for (os_name, arch), target in {
            ("Linux", "X64"): "x86_64-unknown-linux-musl",
            ("Linux", "ARM64"): "aarch64-unknown-linux-musl",
            ("macOS", "X64"): "x86_64-apple-darwin",
            ("macOS", "ARM64"): "aarch64-apple-darwin",
            ("Windows", "X64"): "x86_64-pc-windows-msvc",
        }.items():
            done, outputs = self.step("Resolve the release and the runner's target", {
                "INPUT_VERSION": "", "ACTION_REF": "", "ACTION_REPOSITORY": "",
                "GITHUB_ACTION_PATH": path, "RUNNER_OS_NAME": os_name,
                "RUNNER_ARCH_NAME": arch})
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(outputs["repository"], "studio-folio/folio")
            self.assertEqual(outputs["version"], "v0.1.0")
            self.assertEqual(outputs["target"], target)
            suffix = "zip" if os_name == "Windows" else "tar.xz"
            self.assertEqual(outputs["archive"], f"folio-{target}.{suffix}")
        # At a branch, the latest release; an explicit version wins.
        state = self.github.state()
        state["latest_release"] = "v0.3.1"
        self.github.save(state)
        environment = {"ACTION_REF": "main", "ACTION_REPOSITORY": "studio-folio/folio",
                       "GITHUB_ACTION_PATH": path, "RUNNER_OS_NAME": "Linux",
                       "RUNNER_ARCH_NAME": "X64"}
        _, outputs = self.step("Resolve the release and the runner's target",
                               dict(environment, INPUT_VERSION=""))
        self.assertEqual(outputs["version"], "v0.3.1")
        _, outputs = self.step("Resolve the release and the runner's target",
                               dict(environment, INPUT_VERSION="v0.2.0"))
        self.assertEqual(outputs["version"], "v0.2.0")

    def test_the_release_archive_installs_only_with_its_checksum(self):
        distrib = Path(os.environ.get("FOLIO_DISTRIB", REPOSITORY / "target/distrib"))
        archives = sorted(distrib.glob("folio-*.tar.xz"))
        if not archives:
            if os.environ.get("CI") == "true":
                raise AssertionError(f"no release archive in {distrib}: .ci/run runs dist build")
            self.skipTest("no release archive: run `dist build` first")
        archive = archives[0]
        release = self.dir / "releases/v0.1.0"
        release.mkdir(parents=True)
        shutil.copy(archive, release)
        shutil.copy(f"{archive}.sha256", release)
        tool = self.dir / "toolcache/folio/v0.1.0/host"
        environment = {"REPOSITORY": "studio-folio/folio", "VERSION": "v0.1.0",
                       "ARCHIVE": archive.name, "DIR": str(tool)}
        done, _ = self.step("Download folio and check its SHA-256", environment)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        version = subprocess.run([str(tool / "folio"), "--version"], capture_output=True,
                                 text=True)
        self.assertRegex(version.stdout, r"^folio \d+\.\d+\.\d+")

        # The installed folio runs the action's command on the portfolio folder.
        done, _ = self.step("Run folio", {
            "FOLIO_COMMAND": "check --format json", "PORTFOLIO": "example-portfolio",
            "PATH": f"{tool}:/usr/bin:/bin"}, cwd=REPOSITORY)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(json.loads(done.stdout)["errors"], 0)

        # An archive that is not the one the checksum names is refused, and nothing installed.
        with open(release / archive.name, "ab") as file:
            file.write(b"tampered")
        shutil.rmtree(tool)
        done, _ = self.step("Download folio and check its SHA-256", environment)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("SHA-256", done.stderr)
        self.assertFalse(tool.exists())


def own_files():
    """The workflows and the action this repository writes by hand (release.yml is dist's)."""
    files = dict(workflows(TEMPLATES))
    files.update({f".github/{name}": path
                  for name, path in workflows(REPOSITORY / ".github/workflows").items()
                  if name != "release.yml"})
    files["action.yml"] = REPOSITORY / "action.yml"
    return files


def tool(name):
    found = shutil.which(name)
    if found is None and os.environ.get("CI") == "true":
        raise AssertionError(f"{name} is not on PATH: .ci/run installs it")
    return found


class Lint(unittest.TestCase):
    def test_actionlint_and_shellcheck_pass_on_every_workflow(self):
        actionlint = tool("actionlint")
        if actionlint is None or tool("shellcheck") is None:
            self.skipTest("actionlint or shellcheck is not installed")
        files = [str(path) for name, path in own_files().items() if name != "action.yml"]
        done = subprocess.run([actionlint, *files], capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        # dist generates release.yml; its scripts are held to shellcheck's warnings and errors.
        done = subprocess.run([actionlint, str(REPOSITORY / ".github/workflows/release.yml")],
                              capture_output=True, text=True,
                              env=dict(os.environ, SHELLCHECK_OPTS="--severity=warning"))
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_the_workflows_use_the_actions_inputs_as_it_defines_them(self):
        actionlint = tool("actionlint")
        if actionlint is None:
            self.skipTest("actionlint is not installed")
        # actionlint checks a local action's inputs: the templates, with folio's action local.
        project = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, project)
        git("init", "--quiet", cwd=project)
        (project / ".github/workflows").mkdir(parents=True)
        shutil.copy(REPOSITORY / "action.yml", project / "action.yml")
        for name, path in workflows(TEMPLATES).items():
            text = path.read_text()
            local = "\n".join(
                line.split("uses:")[0] + "uses: ./" if "/folio@v" in line else line
                for line in text.splitlines())
            (project / ".github/workflows" / name).write_text(local + "\n")
        done = subprocess.run([actionlint], cwd=project, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_shellcheck_passes_on_the_actions_scripts(self):
        shellcheck = tool("shellcheck")
        if shellcheck is None:
            self.skipTest("shellcheck is not installed")
        action = yaml.safe_load((REPOSITORY / "action.yml").read_text())
        scripts = run_scripts(action)
        self.assertGreaterEqual(len(scripts), 4)
        for where, script in scripts:
            done = subprocess.run([shellcheck, "--shell=bash", "-"],
                                  input=script, capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, f"{where}:\n{done.stdout}")


class Shape(unittest.TestCase):
    def test_no_expression_is_interpolated_into_a_script(self):
        for name, path in own_files().items():
            for where, script in run_scripts(yaml.safe_load(path.read_text())):
                self.assertNotIn("${{", script, f"{name} {where}: pass it through env:")

    def test_every_checkout_leaves_no_token_behind_and_none_checks_out_a_pull_request(self):
        for name, path in [*own_files().items(),
                           ("release.yml", REPOSITORY / ".github/workflows/release.yml")]:
            document = yaml.safe_load(path.read_text())
            for job_name, job in (document.get("jobs") or {}).items():
                for step in job.get("steps", []):
                    if str(step.get("uses", "")).startswith("actions/checkout@"):
                        self.assertEqual(step["uses"], "actions/checkout@v6", name)
                        options = step.get("with", {})
                        self.assertIs(options.get("persist-credentials"), False,
                                      f"{name} {job_name}")
                        self.assertNotIn("ref", options, f"{name} {job_name}")

    def test_the_judging_workflows_have_the_triggers_that_make_them_trusted(self):
        decisions = yaml.safe_load((TEMPLATES / "folio-decisions.yml").read_text())
        self.assertEqual(set(decisions[True]), {"pull_request_target", "workflow_run"})
        self.assertEqual(decisions[True]["workflow_run"]["workflows"], ["folio review"])
        review = yaml.safe_load((TEMPLATES / "folio-review.yml").read_text())
        self.assertEqual(review["name"], "folio review")
        self.assertEqual(review["permissions"], {})
        self.assertEqual(review[True], {"pull_request_review":
                                        {"types": ["submitted", "dismissed"]}})
        for name, path in workflows(TEMPLATES).items():
            document = yaml.safe_load(path.read_text())
            self.assertIn("permissions", document, name)
            if "PORTFOLIO" in document.get("env", {}):
                self.assertEqual(document["env"]["PORTFOLIO"], ".", name)


if __name__ == "__main__":
    unittest.main()
