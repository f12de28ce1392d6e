package io.onboarding.cli;

import io.onboarding.system.OperatorTerminal;
import org.springframework.stereotype.Component;

/** The process's standard output, where a command's operator reads what is meant for them alone. */
@Component
class ProcessTerminal implements OperatorTerminal {

    @Override
    public void say(String line) {
        System.out.println(line);
    }
}
