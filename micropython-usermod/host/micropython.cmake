# The `host` user C module for CMake-based ports.
add_library(usermod_host INTERFACE)
target_sources(usermod_host INTERFACE ${CMAKE_CURRENT_LIST_DIR}/modhost.c)
target_include_directories(usermod_host INTERFACE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(usermod INTERFACE usermod_host)
