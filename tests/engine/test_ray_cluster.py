"""The Ray engine on a two-node Ray cluster on this machine (a head and a worker node,
one CPU each): the actors run on both nodes, so articles and results are serialised
between nodes, and the output is still in input order and the same as the local one."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

ray = pytest.importorskip("ray", reason='the Ray engine needs ray (pip install "newsgraph[ray]")')

from ray.cluster_utils import Cluster  # noqa: E402

from newsgraph.config import Settings  # noqa: E402
from newsgraph.engine.local import run_digests  # noqa: E402
from newsgraph.engine.ray import RayEngine  # noqa: E402
from tests.engine.test_isolation import articles, outcome  # noqa: E402
from tests.engine.test_ray import case_articles, load_napping, ray_environment  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def two_nodes() -> Iterator[None]:
    ray_environment()
    cluster = Cluster(
        initialize_head=True,
        head_node_args={"num_cpus": 1, "include_dashboard": False},
    )
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()
    cluster.shutdown()


def test_the_actors_run_on_both_nodes_and_keep_input_order() -> None:
    texts = [f"NAP {n}" for n in range(12)]
    settings = Settings(batch_size=2, article_seconds=5.0)
    results = []
    nodes: list[str] = []
    with RayEngine() as engine:
        for item in engine.map(articles(*texts), settings, load_napping):
            # once both actors are up (the second may start after the first result on a
            # loaded machine), one of them is killed: the run goes on
            if not nodes and len(pids := engine.worker_pids()) == 2:
                nodes = engine.worker_nodes()
                os.kill(pids[1], signal.SIGKILL)
            results.append(item)
    assert len(set(nodes)) == 2
    assert outcome(results) == [t.upper() for t in texts]


@pytest.mark.model
def test_digests_across_nodes_are_the_local_ones() -> None:
    settings = Settings(batch_size=2)
    local = [d.to_json() for d in run_digests(case_articles()[:4], settings)]
    with RayEngine() as engine:
        remote = [d.to_json() for d in engine.digests(case_articles()[:4], settings)]
    assert remote == local
