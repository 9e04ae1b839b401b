# Frozen Python modules built into the mpwasm guest.
include("$(MPY_DIR)/extmod/asyncio")
