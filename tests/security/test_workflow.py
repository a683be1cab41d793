"""The publishing workflow (.github/workflows/site.yml) publishes the build
the tests ran on, and the job that holds the publishing rights runs none of
the repository's code (class 8, class 1's CI part, class 10's pinning).

It also gives every pull request two required checks (issue 14): a quick
job (make test-fast, with the built site as a preview to download) and the
full one.  workflow_problems() reads the parsed file; each rule is shown
failing on a deliberately broken copy."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

from site_checks.sitebuild import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
BUILDS = re.compile(r"\bmake\b[^\n]*\bbuild\b|\bmkdocs\b|scripts[/.]build\b")
DEPLOY_ACTION = "actions/deploy-pages@"
UPLOAD_ACTION = "actions/upload-pages-artifact@"
PREVIEW = "site-preview"  # the artifact staff download (.github/pull_request_template.md)


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps_of(job: dict) -> list[dict]:
    return job.get("steps") or []


def workflow_problems(workflow: dict) -> list[str]:
    problems = []
    jobs = workflow["jobs"]
    for name, job in jobs.items():
        for step in steps_of(job):
            uses = step.get("uses", "")
            if uses and not uses.startswith("./") and not PINNED.fullmatch(uses):
                problems.append(f"{name}: {uses} is not pinned by a full commit SHA")
            if uses.startswith("actions/checkout@") and (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"{name}: checkout keeps its token in .git/config (set persist-credentials: false)")
    if (workflow.get("permissions") or {}) != {"contents": "read"}:
        problems.append("the workflow's default permissions must be contents: read")
    deployers = [n for n, j in jobs.items() if any(s.get("uses", "").startswith(DEPLOY_ACTION) for s in steps_of(j))]
    # The job whose build is published: the one that uploads the Pages artifact.
    builders = [n for n, j in jobs.items() if any(s.get("uses", "").startswith(UPLOAD_ACTION) for s in steps_of(j))]
    if len(deployers) != 1 or len(builders) != 1:
        return problems + [f"expected one deploying job and one building job, found {deployers} and {builders}"]
    deploy, test = jobs[deployers[0]], jobs[builders[0]]
    for step in steps_of(deploy):
        if "run" in step or not step.get("uses", "").startswith(DEPLOY_ACTION):
            problems.append(f"the deploy job runs more than deploy-pages: {step}")
    if builders[0] not in ([deploy.get("needs")] if isinstance(deploy.get("needs"), str) else deploy.get("needs") or []):
        problems.append("the deploy job must wait for the job that builds and tests")
    if "refs/heads/main" not in str(deploy.get("if", "")) or "push" not in str(deploy.get("if", "")):
        problems.append("only a push to main may deploy")
    for name, job in jobs.items():
        if name != deployers[0] and set((job.get("permissions") or {}).values()) - {"read", "none"}:
            problems.append(f"{name}: only the deploy job may hold write permissions")
    # In the test job: one build, for the published address, then the tests on it, then its upload.
    order = []
    for step in steps_of(test):
        run, uses = step.get("run", ""), step.get("uses", "")
        if BUILDS.search(run):
            order.append("build")
        if ".ci/run" in run or re.search(r"\bmake test(?![\w-])", run):
            order.append("test" if "PUBLISHED_SITE=site" in run else "test without the build")
        if uses.startswith(UPLOAD_ACTION):
            order.append("upload" if (step.get("with") or {}).get("path") == "site" else "upload of something else")
    if order != ["build", "test", "upload"]:
        problems.append(f"the test job must build once, test that build (PUBLISHED_SITE=site), then upload it; it does {order}")
    if "vars.SITE_URL" not in str((test.get("env") or {}).get("SITE_URL", "")):
        problems.append("the build must be told its address from the repository variable SITE_URL")
    return problems + pull_request_problems(workflow)


def runs(job: dict, pattern: str) -> bool:
    return any(re.search(pattern, step.get("run", "")) for step in steps_of(job))


def pull_request_problems(workflow: dict) -> list[str]:
    """Issue 14: a pull request gets the quick job (make test-fast, no browser)
    and the full one (make test, through .ci/run); both run on every pull
    request, so branch protection can require both."""
    problems = []
    triggers = workflow.get("on", workflow.get(True)) or {}  # YAML 1.1 reads a bare `on` as true
    if "pull_request" not in triggers:
        problems.append("the workflow must run on pull_request")
    jobs = workflow["jobs"]
    fast = [n for n, j in jobs.items() if runs(j, r"\bmake test-fast\b")]
    full = [n for n, j in jobs.items() if runs(j, r"\.ci/run\b|\bmake test(?![\w-])")]
    if len(fast) != 1 or len(full) != 1 or fast == full:
        return problems + [f"expected one quick job (make test-fast) and one full job (make test), found {fast} and {full}"]
    for name in fast + full:
        condition = str(jobs[name].get("if", ""))
        if condition and "pull_request" not in condition:
            problems.append(f"{name}: runs only if {condition!r}, so a pull request may not get it")
        if jobs[name].get("needs"):
            problems.append(f"{name}: waits for {jobs[name]['needs']}; the quick answer must not wait for the full one")
    if runs(jobs[fast[0]], r"find-chromium|find-java|find-nginx|playwright"):
        problems.append(f"{fast[0]}: the quick job installs a browser or Java; leave those to the full job")
    previews = [s for s in steps_of(jobs[fast[0]]) if s.get("uses", "").startswith("actions/upload-artifact@")]
    if not any((s.get("with") or {}).get("name") == PREVIEW and (s.get("with") or {}).get("path") == "site" for s in previews):
        problems.append(f"{fast[0]}: attach the built site as the '{PREVIEW}' artifact (the pull request template links it)")
    return problems


def test_the_workflow_publishes_the_tested_build_from_a_job_that_runs_no_repository_code():
    assert workflow_problems(load()) == []


def broken(change) -> list[str]:
    workflow = copy.deepcopy(load())
    change(workflow)
    return workflow_problems(workflow)


def deploy_steps(workflow):
    return workflow["jobs"]["deploy"]["steps"]


@pytest.mark.parametrize("change, expected", [
    # The old workflow: the deploy job checked out the code and built the site a second time.
    (lambda w: deploy_steps(w).insert(0, {"uses": "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                                          "with": {"persist-credentials": False}}), "runs more than deploy-pages"),
    (lambda w: deploy_steps(w).insert(0, {"run": "make build"}), "runs more than deploy-pages"),
    (lambda w: deploy_steps(w).insert(0, {"run": "echo hello"}), "runs more than deploy-pages"),
    (lambda w: w["jobs"]["test"]["steps"][1].update(uses="actions/checkout@v4"), "not pinned by a full commit SHA"),
    (lambda w: w["jobs"]["test"]["steps"][1].pop("with"), "persist-credentials: false"),
    (lambda w: w["jobs"]["test"]["steps"][-1]["with"].update(path="other"), "upload of something else"),
    (lambda w: w["jobs"]["test"].update(env={}), "repository variable SITE_URL"),
    (lambda w: w["jobs"]["test"].update(permissions={"contents": "write"}), "only the deploy job may hold write"),
    (lambda w: w["jobs"]["deploy"].update({"if": "always()"}), "only a push to main may deploy"),
    (lambda w: w["jobs"]["test"]["steps"].insert(1, {"run": "make build"}), "build once"),
    # Issue 14: the quick job and the full one, both on every pull request.
    (lambda w: w["jobs"].pop("fast"), "one quick job (make test-fast) and one full job"),
    (lambda w: w["jobs"]["fast"]["steps"][-1].update(run="make test"), "one quick job (make test-fast) and one full job"),
    (lambda w: w["jobs"]["fast"].update({"if": "github.event_name == 'push'"}), "a pull request may not get it"),
    (lambda w: w["jobs"]["test"].update({"if": "github.ref == 'refs/heads/main'"}), "a pull request may not get it"),
    (lambda w: w["jobs"]["test"].update(needs="fast"), "must not wait for the full one"),
    (lambda w: w.pop(True, None) or w.pop("on"), "must run on pull_request"),
    (lambda w: w["jobs"]["fast"]["steps"].insert(0, {"run": "scripts/find-chromium.sh"}), "installs a browser or Java"),
    (lambda w: w["jobs"]["fast"]["steps"][-2]["with"].update(name="other"), "'site-preview' artifact"),
    # Only the full job's tested build may become the Pages artifact.
    (lambda w: w["jobs"]["fast"]["steps"][-2].update(uses="actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa"),
     "one deploying job and one building job"),
])
def test_each_rule_fails_on_a_broken_workflow(change, expected):
    problems = broken(change)
    assert any(expected in p for p in problems), problems


def test_the_pull_request_template_tells_staff_where_the_preview_is():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    fast = next(j for j in load()["jobs"].values() if runs(j, r"\bmake test-fast\b"))
    assert PREVIEW in template and fast["name"] in template, "the template must name the preview and the job that makes it"
