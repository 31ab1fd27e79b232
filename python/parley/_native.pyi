"""Type stubs for the extension module (src/lib.rs, src/store.rs)."""

from typing import Any, Dict, List, Optional, Tuple

__version__: str

class ParleyError(Exception):
    """A record could not be read or coded, a store could not be opened or
    read, or a model failed to load."""

def run_records(
    lines: List[str], task: str, all: bool = False, threads: Optional[int] = None
) -> Tuple[List[Any], List[int], List[Tuple[int, str]]]:
    """Runs ``task`` (events, actors, sentences, parse) over JSON Lines
    records; returns (outputs, source record indices, (index, message) failures)."""

def load(task: str) -> None:
    """Builds the pipeline for ``task`` now instead of on first use."""

class NativeStore:
    def __init__(self, target: str, create: bool = False) -> None: ...
    def events(
        self,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        event_type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        story: Optional[int] = None,
        modality: Optional[str] = None,
        cursor: Optional[str] = None,
        limit: int = 100,
    ) -> Tuple[List[Dict[str, Any]], Optional[str]]: ...
    def stories(self) -> List[Dict[str, Any]]: ...
    def story(self, id: int) -> Optional[Dict[str, Any]]: ...
    def quotes(self, speaker: Optional[str] = None) -> List[Dict[str, Any]]: ...
    def counts(self) -> Dict[str, int]: ...
    def ingest(
        self, lines: List[str], threads: Optional[int] = None
    ) -> Tuple[
        List[Tuple[int, Dict[str, Any]]], List[Dict[str, Any]], List[int], List[Tuple[int, str]]
    ]: ...
    def rebuild_stories(self) -> int: ...
