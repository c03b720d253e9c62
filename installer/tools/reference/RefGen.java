import ai.djl.*; import ai.djl.inference.*; import ai.djl.ndarray.*; import ai.djl.ndarray.types.*; import ai.djl.repository.zoo.*; import ai.djl.translate.*;
import java.nio.file.*; import java.util.*;
public class RefGen {
  public static void main(String[] a) throws Exception {
    Path model = Path.of(a[0]); int size = Integer.parseInt(a[1]);
    float[] input = new float[size*size*3];
    for (int y=0;y<size;y++) for (int x=0;x<size;x++) for (int c=0;c<3;c++) input[(y*size+x)*3+c] = ((x*7 + y*13 + c*29) % 256) / 255f;
    Translator<float[], float[][]> t = new Translator<>() {
      public NDList processInput(TranslatorContext ctx, float[] in) { return new NDList(ctx.getNDManager().create(in, new Shape(1,size,size,3))); }
      public float[][] processOutput(TranslatorContext ctx, NDList list) { float[][] o = new float[list.size()][]; for (int i=0;i<list.size();i++) { o[i]=list.get(i).toFloatArray(); System.err.println("out "+i+" "+list.get(i).getShape()); } return o; }
      public Batchifier getBatchifier() { return null; } };
    Criteria<float[], float[][]> cr = Criteria.builder().setTypes(float[].class, float[][].class).optModelPath(model).optEngine("TFLite").optTranslator(t).build();
    try (ZooModel<float[], float[][]> m = cr.loadModel(); Predictor<float[], float[][]> p = m.newPredictor()) {
      float[][] out = p.predict(input);
      StringBuilder sb = new StringBuilder();
      for (float[] o : out) { sb.append("# ").append(o.length).append('\n'); for (float v : o) sb.append(v).append('\n'); }
      Files.writeString(Path.of(a[2]), sb.toString());
    }
  }
}
