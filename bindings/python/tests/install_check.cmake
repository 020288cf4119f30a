# ctest python.install: install the build tree into a scratch prefix and import the
# installed itsm package from there, with nothing from the build tree on any path, so the
# install layout and the extension's $ORIGIN RPATH to libitsm.so are what make it work.
#
# cmake -DBUILD_DIR=... -DPYTHON=... -DPY_DIR=<package dir relative to the prefix>
#       -DWORK_DIR=... [-DPRELOAD=<sanitizer runtimes>] -P install_check.cmake
foreach(var BUILD_DIR PYTHON PY_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_check.cmake: ${var} is not set")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
  RESULT_VARIABLE rc OUTPUT_FILE "${WORK_DIR}/install.log" ERROR_FILE "${WORK_DIR}/install.log")
if(NOT rc EQUAL 0)
  file(READ "${WORK_DIR}/install.log" log)
  message(FATAL_ERROR "cmake --install failed:\n${log}")
endif()

if(IS_ABSOLUTE "${PY_DIR}")
  message(STATUS "ITSM_PYTHON_INSTALL_DIR is absolute (${PY_DIR}); cannot check it in a scratch prefix")
  return()
endif()
set(site "${prefix}/${PY_DIR}")
if(NOT EXISTS "${site}/itsm/__init__.py")
  message(FATAL_ERROR "the itsm package was not installed to ${site}/itsm")
endif()

set(ENV{PYTHONPATH} "${site}")
set(ENV{PYTHONDONTWRITEBYTECODE} "1")
unset(ENV{LD_LIBRARY_PATH})
if(PRELOAD)
  set(ENV{LD_PRELOAD} "${PRELOAD}")
endif()

set(script [=[
import os, sys
import itsm
site, prefix = sys.argv[1], sys.argv[2]
assert os.path.dirname(itsm.__file__) == os.path.join(site, "itsm"), itsm.__file__
with open("/proc/self/maps") as f:
    libs = {line.split()[-1] for line in f if "libitsm.so" in line}
assert all(path.startswith(prefix + "/") for path in libs), libs  # none when static
print(itsm.__version__, itsm.format_instant(1714521600, "Asia/Tokyo"), sorted(libs))
]=])
execute_process(COMMAND "${PYTHON}" -c "${script}" "${site}" "${prefix}"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "2024-05-01T09:00:00\\+09:00")
  message(FATAL_ERROR "importing the installed package failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "installed package OK: ${out}")
file(REMOVE_RECURSE "${WORK_DIR}")
