// Writes the MSPDI schema that MPXJ's reader was generated from, recovered from its JAXB classes
// (MPXJ compiles Microsoft's mspdi_pj12.xsd with xjc; generateSchema gives back the element names,
// their order, types, defaults and which elements are required).
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.SchemaOutputResolver;
import java.io.File;
import javax.xml.transform.Result;
import javax.xml.transform.stream.StreamResult;

public class MspdiSchema {
    public static void main(String[] args) throws Exception {
        File folder = new File(args[0]);
        JAXBContext.newInstance(org.mpxj.mspdi.schema.Project.class).generateSchema(new SchemaOutputResolver() {
            @Override
            public Result createOutput(String namespace, String name) {
                return new StreamResult(new File(folder, "mspdi.xsd"));
            }
        });
    }
}
