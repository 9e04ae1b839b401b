# Frozen Python modules built into the mpwasm guest.
include("$(MPY_DIR)/extmod/asyncio")
# The standard-library modules written for mpwasm (modules/, issue 17):
# frozen as bytecode, so a run that does not import one pays nothing.
freeze("$(PORT_DIR)/modules")
