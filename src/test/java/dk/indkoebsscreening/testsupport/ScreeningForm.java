package dk.indkoebsscreening.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An expert's screening form as the browser tests fill it in. */
public final class ScreeningForm {

    private ScreeningForm() {
    }

    /** Answers every checklist question with its first option and every note with a short text. */
    public static void answerEveryQuestion(Browser browser) {
        for (WebElement group : browser.findAll(By.cssSelector("fieldset.section fieldset"))) {
            group.findElement(By.cssSelector("input[type=radio]")).click();
        }
        browser.findAll(By.cssSelector("fieldset.section textarea")).forEach(text -> text.sendKeys("Afklaret."));
    }
}
