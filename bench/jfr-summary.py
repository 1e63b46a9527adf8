#!/usr/bin/env python3
"""Where the CPU of a benchmark run went, from a JFR recording's execution samples (issue 32).

    EXTRA="-Dbenchmark.app.jvmArgs=-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile" bench/run-benchmark.sh shared
    jfr print --events jdk.ExecutionSample --stack-depth 400 /tmp/app.jfr > samples.txt
    bench/jfr-summary.py samples.txt [HH:MM:SS HH:MM:SS]

Prints, for the samples between the two times (the measured minute; all samples without them):
- the share of samples with each library anywhere on the stack, and the hottest frames;
- what part of a call each sample is in (rendering the page, the controller, the security filters, …; other threads);
- within rendering, what the template engine was doing, judged from the frame nearest the leaf that says;
- SpEL's compiled against interpreted evaluations, and the highest number of a compiled expression class (a number far
  above the templates' expressions means expressions are compiled again and again).
Print the samples with a stack depth of a few hundred frames: at JFR's default of 64 a page's stack is cut off below
Thymeleaf, and the parts above cannot be told apart. Start the recording with the application
(-XX:StartFlightRecording), never with jcmd during the run: that spoils the CPU figures (BENCHMARKS.md).
"""
import collections
import re
import sys

LIBRARIES = {'spring-web': 'org.springframework.web', 'thymeleaf': 'org.thymeleaf', 'our code': 'dk.indkoebsscreening',
             'tomcat': 'org.apache.catalina', 'camunda': 'org.camunda', 'spring-security': 'org.springframework.security',
             'spel': 'org.springframework.expression', 'mybatis': 'org.apache.ibatis', 'postgres-jdbc': 'org.postgresql',
             'hikari': 'com.zaxxer', 'jackson': 'com.fasterxml', 'kafka': 'org.apache.kafka',
             'jar lookups': 'jdk.internal.loader.URLClassPath'}

# The part of a call a sample is in: the first whose frame is on the stack, in this order.
PARTS = [('rendering the page (Thymeleaf)', 'ThymeleafView.render'),
         ('the layout\'s model (@ModelAttribute)', 'ModelFactory.initModel'),
         ('the controller', 'InvocableHandlerMethod.doInvoke'),
         ('the rest of Spring MVC', 'DispatcherServlet.doDispatch'),
         ('the security filter chain', 'FilterChainProxy'),
         ('the other servlet filters', 'ApplicationFilterChain'),
         ('Tomcat', 'org.apache.coyote')]

# Within rendering: the first of these from the leaf up names what the engine was doing.
RENDERING = [('parsing or looking up expressions', ('StandardExpressionParser.parseExpression', 'ExpressionCache.',
                                                    'TemplateAwareExpressionParser')),
             ('messages #{…}', ('MessageExpression.executeMessageExpression', 'AbstractMessageSource')),
             ('fragments ~{…}', ('FragmentExpression', 'computeFragment', 'parseStandalone')),
             ('links @{…}', ('LinkExpression',)),
             ('SpEL expressions ${…}', ('org.springframework.expression',)),
             ('writing the response', ('Writer.write', 'Writer.flush', 'OutputBuffer', 'HtmlEscape'))]


def between(event, start, end):
    found = re.search(r'startTime = (\d\d:\d\d:\d\d)', event)
    return start is None or (found is not None and start <= found.group(1) < end)


def main(path, start=None, end=None):
    events = [event for event in open(path).read().split('jdk.ExecutionSample')[1:] if between(event, start, end)]
    samples = [(event, re.findall(r'^\s+([\w.$<>]+)\(', event, re.M)) for event in events]
    samples = [(event, frames) for event, frames in samples if frames]
    total = len(samples)
    on_stack, top, parts, rendering, spel = (collections.Counter() for _ in range(5))
    highest_compiled = 0
    for event, frames in samples:
        top[frames[0]] += 1
        stack = ' '.join(frames)
        for name, prefix in LIBRARIES.items():
            if any(frame.startswith(prefix) for frame in frames):
                on_stack[name] += 1
        part = next((name for name, frame in PARTS if frame in stack), None)
        if part is None:
            thread = re.search(r'sampledThread = "([^"]*)"', event)
            part = 'other thread: ' + re.sub(r'\d+', '#', thread.group(1) if thread else '?')
        parts[part] += 1
        if part == PARTS[0][0]:
            rendering[next((name for frame in frames for name, marks in RENDERING if any(mark in frame for mark in marks)),
                           'the engine\'s own processing of elements and attributes')] += 1
        if 'SpelExpression.getValue' in stack:
            spel['evaluations'] += 1
            spel['compiled'] += 'spel.generated.CompiledExpression' in stack
            spel['interpreted method calls'] += 'MethodReference.getValueInternal' in stack
        highest_compiled = max([highest_compiled] + [int(n) for n in re.findall(r'CompiledExpression(\d+)', event)])

    def table(counter, of):
        for name, count in counter.most_common():
            print(f'  {name:55} {count:6} {100 * count / of:5.1f} %')

    print(f'{total} samples' + (f' between {start} and {end}' if start else ''))
    table(on_stack, total)
    print('hottest frames:')
    for frame, count in top.most_common(15):
        print(f'  {count:6} {frame}')
    print('part of a call (share of all samples):')
    table(parts, total)
    print('within rendering (share of all samples):')
    table(rendering, total)
    print('SpEL (share of all samples):')
    table(spel, total)
    print(f'  highest compiled expression class number: {highest_compiled}')


if __name__ == '__main__':
    main(*sys.argv[1:4])
