package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.register.SystemRegister;
import dk.indkoebsscreening.register.SystemTaskSubjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A supervision's task is about the processor's system: the inbox shows it with the system and links to it. */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean
    SystemTaskSubjects supervisionTaskSubjects(SystemRegister register) {
        return new SystemTaskSubjects(SupervisionProcess.PROCESS_KEY, register);
    }
}
