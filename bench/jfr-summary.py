#!/usr/bin/env python3
"""Where the CPU of a benchmark run went, from a JFR recording's execution samples (issue 32).

    EXTRA="-Dbenchmark.jvmArgs=-XX:StartFlightRecording=filename=pages.jfr,settings=profile" bench/run-benchmark.sh pages
    jfr print --events jdk.ExecutionSample --stack-depth 64 pages.jfr > samples.txt
    bench/jfr-summary.py samples.txt

Prints the share of samples with each library anywhere on the stack (the class path's jar lookups too: the cost the
resource chain's link rewriting had) and the hottest frames. The samples include the start and the data's set-up.
"""
import collections
import re
import sys

LIBRARIES = {'spring-web': 'org.springframework.web', 'thymeleaf': 'org.thymeleaf', 'our code': 'dk.indkoebsscreening',
             'tomcat': 'org.apache.catalina', 'camunda': 'org.camunda', 'spring-security': 'org.springframework.security',
             'spel': 'org.springframework.expression', 'mybatis': 'org.apache.ibatis', 'postgres-jdbc': 'org.postgresql',
             'hikari': 'com.zaxxer', 'jackson': 'com.fasterxml', 'kafka': 'org.apache.kafka',
             'jar lookups': 'jdk.internal.loader.URLClassPath'}

samples = [re.findall(r'^\s+([\w.$<>]+)\(', event, re.M)
           for event in open(sys.argv[1]).read().split('jdk.ExecutionSample')[1:]]
samples = [frames for frames in samples if frames]
on_stack = collections.Counter()
top = collections.Counter()
for frames in samples:
    top[frames[0]] += 1
    for name, prefix in LIBRARIES.items():
        if any(frame.startswith(prefix) for frame in frames):
            on_stack[name] += 1
print(f'{len(samples)} samples')
for name, count in on_stack.most_common():
    print(f'  {name:16} {count:6} {100 * count / len(samples):5.1f} %')
print('hottest frames:')
for frame, count in top.most_common(15):
    print(f'  {count:6} {frame}')
