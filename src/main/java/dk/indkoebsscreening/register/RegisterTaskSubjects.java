package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.RenewalProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renewal's tasks are about its system. */
@Configuration(proxyBeanMethods = false)
class RegisterTaskSubjects {

    @Bean
    SystemTaskSubjects renewalTaskSubjects(SystemRegister register) {
        return new SystemTaskSubjects(RenewalProcess.PROCESS_KEY, register);
    }
}
