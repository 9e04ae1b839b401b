# The `host` user C module: lets guest code call functions the host registered.
HOST_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(HOST_MOD_DIR)/modhost.c
CFLAGS_USERMOD += -I$(HOST_MOD_DIR)
