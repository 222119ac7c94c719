# SPDX-License-Identifier: MIT
# cmake -DINPUT=<file> -DOUTPUT=<file.gz> [-DPROGRAM=<exe> -DARGUMENTS=<a;b>] -P GzipFile.cmake
# Compresses INPUT to OUTPUT as Debian wants manual pages (gzip -9n: no name, no time, so the
# same page gives the same bytes). With PROGRAM, INPUT is first written from its output, run
# in the C locale (English) and with the sanitizers' leak check off (a build tool, not a test).
if(PROGRAM)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= ASAN_OPTIONS=detect_leaks=0
                ${PROGRAM} ${ARGUMENTS}
        OUTPUT_FILE ${INPUT}
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} ${ARGUMENTS} failed: ${result}")
    endif()
endif()
execute_process(COMMAND gzip -9nc ${INPUT} OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip ${INPUT} failed: ${result}")
endif()
