#!/bin/sh
# JMH micro-benchmarks of the weapi encryption and of the answer-to-Redis mapping (src/jmh/java).
#   bench/jmh.sh                 build (profile jmh, no tests) and run every benchmark
#   bench/jmh.sh -h              JMH's options, e.g. bench/jmh.sh CommentMapper -f 1 -wi 2 -i 3 -prof gc
# Uses JAVA_HOME or the java on the PATH, like the build. Builds into target/jmh/ (profile jmh), apart from the normal build.
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pjmh test-compile
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
exec "$java" -cp "target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/jmh.classpath)" org.openjdk.jmh.Main "$@"
