/** The {@code camel} command of Camel JBang without JBang: {@code java -cp "lib/*" CamelCommand.java run ...}. */
public class CamelCommand {
    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
