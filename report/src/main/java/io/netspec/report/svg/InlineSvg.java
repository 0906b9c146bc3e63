package io.netspec.report.svg;

import io.netspec.report.dot.DiagramRenderer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns the SVG document Graphviz writes for a {@link DiagramRenderer} diagram into an {@code <svg>} element to
 * place inside an HTML page: without the XML declaration, doctype and comments, and with data attributes that
 * name what each group draws: {@code data-layer="conv1"} on every row's node (its Graphviz name, as the SVG's
 * {@code <title>} gives it) and {@code data-module="inception_3a"} on every Inception cluster.
 */
public final class InlineSvg {

  /** The attribute naming the row a node draws. */
  public static final String LAYER_ATTRIBUTE = "data-layer";

  /** The attribute naming the Inception module a cluster draws. */
  public static final String MODULE_ATTRIBUTE = "data-module";

  private static final String MODULE_ID_PREFIX = "module-";

  private InlineSvg() {}

  /** The {@code <svg>} element of a Graphviz SVG document, marked up for an HTML page. */
  public static String of(String graphvizSvg) throws IOException {
    Document document = parse(graphvizSvg);
    removeComments(document);
    NodeList groups = document.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if (hasClass(group, DiagramRenderer.LAYER_CLASS)) {
        group.setAttribute(LAYER_ATTRIBUTE, title(group));
      } else if (hasClass(group, DiagramRenderer.MODULE_CLASS)
          && group.getAttribute("id").startsWith(MODULE_ID_PREFIX)) {
        group.setAttribute(MODULE_ATTRIBUTE, group.getAttribute("id").substring(MODULE_ID_PREFIX.length()));
      }
    }
    return serialize(document.getDocumentElement());
  }

  private static Document parse(String svg) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // Graphviz names the SVG 1.1 DTD: neither fetch it nor expand any entity
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(svg)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("Graphviz wrote SVG that is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static void removeComments(Node node) {
    Node child = node.getFirstChild();
    while (child != null) {
      Node next = child.getNextSibling();
      if (child instanceof Comment) {
        node.removeChild(child);
      } else {
        removeComments(child);
      }
      child = next;
    }
  }

  private static boolean hasClass(Element element, String name) {
    for (String token : element.getAttribute("class").split("\\s+")) {
      if (token.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The text of the group's {@code <title>} child: Graphviz writes the node's name there. */
  private static String title(Element group) {
    for (Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals("title")) {
        return element.getTextContent();
      }
    }
    return "";
  }

  private static String serialize(Element svg) throws IOException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter text = new StringWriter();
      transformer.transform(new DOMSource(svg), new StreamResult(text));
      return text.toString();
    } catch (TransformerException e) {
      throw new IOException("could not write the diagram's SVG: " + e.getMessage(), e);
    }
  }
}
