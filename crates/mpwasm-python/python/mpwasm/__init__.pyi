from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Mapping, Optional, Tuple, Union

from ._errors import (
    Cancelled as Cancelled,
    GuestException as GuestException,
    GuestExit as GuestExit,
    GuestTrapped as GuestTrapped,
    MemoryLimitExceeded as MemoryLimitExceeded,
    MicroPythonSessionClosed as MicroPythonSessionClosed,
    MicroPythonWasmArtifactNotFound as MicroPythonWasmArtifactNotFound,
    MicroPythonWasmError as MicroPythonWasmError,
    OutOfFuel as OutOfFuel,
    OutputCallbackError as OutputCallbackError,
    QuotaExceeded as QuotaExceeded,
    SessionPoisoned as SessionPoisoned,
    StackOverflow as StackOverflow,
    WallTimeout as WallTimeout,
)

__version__: str
DEFAULT_MEMORY_BYTES: int
DEFAULT_FUEL: int
DEFAULT_HOST_RESULT_BYTES: int
DEFAULT_MAX_OUTPUT_BYTES: int
DEFAULT_WRITABLE_MAX_BYTES: int
DEFAULT_WRITABLE_MAX_FILES: int
DEFAULT_WRITABLE_MAX_FILE_BYTES: int
MICROPYTHON_VERSION: Optional[str]

PathLike = Union[str, Path]
HostFunction = Callable[..., object]
OutputCallback = Callable[[str, str], object]

@dataclass(frozen=True)
class RunResult:
    stdout: str
    stderr: str
    fuel_remaining: Optional[int]
    stdout_truncated: bool = ...
    stderr_truncated: bool = ...
    fuel_used: int = ...
    duration_seconds: float = ...
    exit_code: int = ...

def default_wasm_path() -> Path: ...
def bundled_guest_sha256() -> str: ...
def run(
    code: str,
    wasm_path: Optional[PathLike] = ...,
    *,
    memory_bytes: int = ...,
    fuel: Optional[int] = ...,
    wall_timeout_seconds: Optional[float] = ...,
    readonly_dir: Optional[PathLike] = ...,
    host_functions: Optional[Mapping[str, HostFunction]] = ...,
    host_result_bytes: int = ...,
    max_output_bytes: int = ...,
    on_output: Optional[OutputCallback] = ...,
    output_buffering: str = ...,
    writable_dir: Optional[PathLike] = ...,
    writable_max_bytes: int = ...,
    writable_max_files: int = ...,
    writable_max_file_bytes: int = ...,
) -> RunResult: ...
async def arun(
    code: str,
    wasm_path: Optional[PathLike] = ...,
    *,
    memory_bytes: int = ...,
    fuel: Optional[int] = ...,
    wall_timeout_seconds: Optional[float] = ...,
    readonly_dir: Optional[PathLike] = ...,
    host_functions: Optional[Mapping[str, HostFunction]] = ...,
    host_result_bytes: int = ...,
    max_output_bytes: int = ...,
    on_output: Optional[OutputCallback] = ...,
    output_buffering: str = ...,
    writable_dir: Optional[PathLike] = ...,
    writable_max_bytes: int = ...,
    writable_max_files: int = ...,
    writable_max_file_bytes: int = ...,
) -> RunResult: ...
def run_micropython_wasi(
    code: str,
    wasm_path: PathLike,
    *,
    memory_bytes: int = ...,
    fuel: Optional[int] = ...,
    wall_timeout_seconds: Optional[float] = ...,
    readonly_dir: Optional[PathLike] = ...,
    host_functions: Optional[Mapping[str, HostFunction]] = ...,
    host_result_bytes: int = ...,
    max_output_bytes: int = ...,
) -> RunResult: ...

class MicroPythonSession:
    wasm_path: Path
    memory_bytes: int
    fuel: Optional[int]
    wall_timeout_seconds: Optional[float]
    readonly_dir: Optional[PathLike]
    host_result_bytes: int
    max_output_bytes: int
    def __init__(
        self,
        wasm_path: Optional[PathLike] = ...,
        *,
        memory_bytes: int = ...,
        fuel: Optional[int] = ...,
        wall_timeout_seconds: Optional[float] = ...,
        readonly_dir: Optional[PathLike] = ...,
        host_functions: Optional[Mapping[str, HostFunction]] = ...,
        host_result_bytes: int = ...,
        max_output_bytes: int = ...,
        writable_dir: Optional[PathLike] = ...,
        writable_max_bytes: int = ...,
        writable_max_files: int = ...,
        writable_max_file_bytes: int = ...,
    ) -> None: ...
    @property
    def closed(self) -> bool: ...
    @property
    def started(self) -> bool: ...
    @property
    def poisoned_by(self) -> Optional[str]: ...
    @property
    def host_functions(self) -> Dict[str, HostFunction]: ...
    writable_dir: Optional[PathLike]
    def run(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = ...,
        output_buffering: str = ...,
    ) -> RunResult: ...
    async def arun(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = ...,
        output_buffering: str = ...,
    ) -> RunResult: ...
    def cancel(self) -> bool: ...
    def run_interactive(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = ...,
        output_buffering: str = ...,
    ) -> RunResult: ...
    def register_function(self, func: HostFunction, name: Optional[str] = ...) -> None: ...
    def reset(self) -> None: ...
    def close(self) -> None: ...
    def snapshot(self) -> bytes: ...
    @classmethod
    def restore(
        cls,
        data: bytes,
        wasm_path: Optional[PathLike] = ...,
        *,
        memory_bytes: int = ...,
        fuel: Optional[int] = ...,
        wall_timeout_seconds: Optional[float] = ...,
        readonly_dir: Optional[PathLike] = ...,
        host_functions: Optional[Mapping[str, HostFunction]] = ...,
        host_result_bytes: int = ...,
        max_output_bytes: int = ...,
        writable_dir: Optional[PathLike] = ...,
        writable_max_bytes: int = ...,
        writable_max_files: int = ...,
        writable_max_file_bytes: int = ...,
    ) -> MicroPythonSession: ...
    def __enter__(self) -> MicroPythonSession: ...
    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None: ...

class MicroPythonReplaySession:
    wasm_path: Path
    memory_bytes: int
    fuel: Optional[int]
    wall_timeout_seconds: Optional[float]
    readonly_dir: Optional[PathLike]
    host_result_bytes: int
    max_output_bytes: int
    def __init__(
        self,
        wasm_path: Optional[PathLike] = ...,
        *,
        memory_bytes: int = ...,
        fuel: Optional[int] = ...,
        wall_timeout_seconds: Optional[float] = ...,
        readonly_dir: Optional[PathLike] = ...,
        host_functions: Optional[Mapping[str, HostFunction]] = ...,
        host_result_bytes: int = ...,
        max_output_bytes: int = ...,
    ) -> None: ...
    @property
    def closed(self) -> bool: ...
    @property
    def snippets(self) -> Tuple[str, ...]: ...
    @property
    def host_functions(self) -> Dict[str, HostFunction]: ...
    def cancel(self) -> bool: ...
    def run(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = ...,
        output_buffering: str = ...,
    ) -> RunResult: ...
    def register_function(self, func: HostFunction, name: Optional[str] = ...) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> MicroPythonReplaySession: ...
    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None: ...
