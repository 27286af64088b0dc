"""Every manifest under ``deploy/`` is valid, offline, and says what deploy/SCALING.md relies on.

Kubernetes' own kinds are validated with ``kubernetes-validate`` (bundled OpenAPI schemas, strict: unknown
fields fail). Kinds it has no schema for cannot be checked that way: CloudNativePG's ``Cluster`` (a CRD) and
kustomize's ``Kustomization`` are checked against the small JSON schemas below, written from their documented
fields (strict on the fields we use, so a misspelt key fails). Then the claims: readiness separate from
liveness, an HPA and a PDB per Deployment, NetworkPolicies that let each service be reached only by the
processes that call it, and the reports service reading the database's read replicas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from kubernetes_validate.utils import SchemaNotFoundError

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.31.0"  # the oldest Kubernetes these manifests promise to run on
MANIFESTS = sorted(p for p in DEPLOY.rglob("*.y*ml"))
COMPONENT = "app.kubernetes.io/component"
PORTS = {"gateway": 8000, "registry": 8001, "budget": 8002, "reports": 8003}
# Who must reach whom (the service graph in network-policies.yaml): None is "from anywhere".
CALLERS: dict[str, set[str] | None] = {
    "gateway": None,
    "registry": {"gateway", "budget", "reports"},
    "budget": {"gateway", "reports"},
    "reports": {"gateway"},
}

_QUANTITY = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$"}
_RESOURCES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "requests": {"type": "object", "additionalProperties": _QUANTITY},
        "limits": {"type": "object", "additionalProperties": _QUANTITY},
    },
}
CNPG_CLUSTER = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "postgresql.cnpg.io/v1"},
        "kind": {"const": "Cluster"},
        "metadata": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}},
        },
        "spec": {
            "type": "object",
            "required": ["instances", "storage"],
            "additionalProperties": False,
            "properties": {
                "instances": {"type": "integer", "minimum": 1},
                "imageName": {"type": "string"},
                "primaryUpdateStrategy": {"enum": ["unsupervised", "supervised"]},
                "enablePDB": {"type": "boolean"},
                "bootstrap": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "initdb": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {"database": {"type": "string"}, "owner": {"type": "string"}},
                        }
                    },
                },
                "postgresql": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"parameters": {"type": "object", "additionalProperties": {"type": "string"}}},
                },
                "storage": {
                    "type": "object",
                    "required": ["size"],
                    "additionalProperties": False,
                    "properties": {"size": _QUANTITY, "storageClass": {"type": "string"}},
                },
                "walStorage": {
                    "type": "object",
                    "required": ["size"],
                    "additionalProperties": False,
                    "properties": {"size": _QUANTITY, "storageClass": {"type": "string"}},
                },
                "resources": _RESOURCES,
                "affinity": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"enablePodAntiAffinity": {"type": "boolean"}, "topologyKey": {"type": "string"}},
                },
            },
        },
    },
}
KUSTOMIZATION = {
    "type": "object",
    "required": ["apiVersion", "kind", "resources"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"const": "kustomize.config.k8s.io/v1beta1"},
        "kind": {"const": "Kustomization"},
        "resources": {"type": "array", "items": {"type": "string"}},
        "images": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {"name": {"type": "string"}, "newName": {"type": "string"}, "newTag": {"type": "string"}},
            },
        },
    },
}
OWN_SCHEMAS = {
    ("postgresql.cnpg.io/v1", "Cluster"): CNPG_CLUSTER,
    ("kustomize.config.k8s.io/v1beta1", "Kustomization"): KUSTOMIZATION,
}


def documents(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d is not None]


def every() -> list[tuple[Path, dict[str, Any]]]:
    return [(p, d) for p in MANIFESTS for d in documents(p)]


def validate(doc: dict[str, Any]) -> str:
    """Validate one resource; returns how ("kubernetes" or "own schema")."""
    own = OWN_SCHEMAS.get((doc.get("apiVersion"), doc.get("kind")))
    if own is not None:
        jsonschema.validate(doc, own)
        return "own schema"
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
    return "kubernetes"


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [d for _, d in every() if d["kind"] == kind]


def env_of(deployment: dict[str, Any]) -> dict[str, Any]:
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container.get("env", [])}


def test_there_are_manifests_for_every_process_and_the_database():
    assert MANIFESTS, "no manifests under deploy/"
    names = {d["metadata"]["name"] for d in of_kind("Deployment")}
    assert names == {f"phaen-{p}" for p in PORTS}
    assert len(of_kind("Cluster")) == 1


@pytest.mark.parametrize(
    ("path", "doc"),
    every(),
    ids=[f"{p.relative_to(DEPLOY)}:{d['kind']}/{d.get('metadata', {}).get('name', '')}" for p, d in every()],
)
def test_every_manifest_is_valid(path, doc):
    validate(doc)


def test_the_validators_reject_a_broken_manifest():
    """Both routes can fail: Kubernetes' schema (a wrong type, an unknown field) and our own (a misspelt key)."""
    deployment = next(d for d in of_kind("Deployment"))
    broken = {**deployment, "spec": {**deployment["spec"], "replicas": "two"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)
    unknown = {**deployment, "spec": {**deployment["spec"], "replica": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(unknown)
    cluster = of_kind("Cluster")[0]
    with pytest.raises(jsonschema.ValidationError):
        validate({**cluster, "spec": {**cluster["spec"], "instance": 3}})
    with pytest.raises(SchemaNotFoundError):
        validate({"apiVersion": "example.org/v1", "kind": "Unknown", "metadata": {"name": "x"}})


def test_the_kustomization_lists_every_manifest_beside_it():
    (kustomization,) = of_kind("Kustomization")
    here = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == here


@pytest.mark.parametrize("process", sorted(PORTS))
def test_readiness_is_separate_from_liveness(process):
    deployment = next(d for d in of_kind("Deployment") if d["metadata"]["name"] == f"phaen-{process}")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["ports"][0]["containerPort"] == PORTS[process]


@pytest.mark.parametrize("process", sorted(PORTS))
def test_every_deployment_has_an_autoscaler_and_a_disruption_budget(process):
    name = f"phaen-{process}"
    deployment = next(d for d in of_kind("Deployment") if d["metadata"]["name"] == name)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    hpa = [h for h in of_kind("HorizontalPodAutoscaler") if h["spec"]["scaleTargetRef"]["name"] == name]
    assert len(hpa) == 1 and hpa[0]["spec"]["scaleTargetRef"]["kind"] == "Deployment"
    assert 2 <= hpa[0]["spec"]["minReplicas"] <= hpa[0]["spec"]["maxReplicas"]
    pdbs = [p for p in of_kind("PodDisruptionBudget") if p["spec"]["selector"]["matchLabels"].items() <= labels.items()]
    assert len(pdbs) == 1 and pdbs[0]["spec"]["minAvailable"] < hpa[0]["spec"]["minReplicas"]


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """A label selector (matchLabels and the In operator of matchExpressions) against a pod's labels."""
    ok = all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())
    for expr in selector.get("matchExpressions", []):
        assert expr["operator"] == "In", "only In is understood by this check"
        ok = ok and labels.get(expr["key"]) in expr["values"]
    return ok


def _who_reaches(process: str) -> set[str] | None:
    """The Phaen processes let in on the process's port by the NetworkPolicies (None: from anywhere)."""
    labels = {COMPONENT: process}
    policies = [p for p in of_kind("NetworkPolicy") if _selects(p["spec"]["podSelector"], labels)]
    assert all("Ingress" in p["spec"]["policyTypes"] for p in policies)
    allowed: set[str] = set()
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            if not any(port["port"] == PORTS[process] for port in rule.get("ports", [{"port": PORTS[process]}])):
                continue
            if "from" not in rule:
                return None
            for peer in rule["from"]:
                assert set(peer) == {"podSelector"}, "peers are pods of this namespace"
                allowed |= {c for c in PORTS if _selects(peer["podSelector"], {COMPONENT: c})}
    return allowed


def test_everything_is_closed_unless_a_policy_opens_it():
    deny = [p for p in of_kind("NetworkPolicy") if p["spec"]["podSelector"] == {}]
    assert len(deny) == 1 and deny[0]["spec"]["policyTypes"] == ["Ingress"] and "ingress" not in deny[0]["spec"]


@pytest.mark.parametrize("process", sorted(PORTS))
def test_services_accept_traffic_only_from_the_gateway_and_their_callers(process):
    assert _who_reaches(process) == CALLERS[process]


def test_the_reports_service_reads_the_replicas():
    (cluster,) = of_kind("Cluster")
    assert cluster["spec"]["instances"] >= 2, "a read replica needs a second instance"
    reports = next(d for d in of_kind("Deployment") if d["metadata"]["name"] == "phaen-reports")
    read_url = env_of(reports)["PHAEN_DATABASE_READ_URL"]
    assert f"@{cluster['metadata']['name']}-ro:" in read_url
    for deployment in of_kind("Deployment"):
        primary = env_of(deployment)["PHAEN_DATABASE_URL"]
        assert primary == {"secretKeyRef": {"name": f"{cluster['metadata']['name']}-app", "key": "uri"}}
